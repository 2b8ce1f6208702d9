using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class ErrorPageTests
{
    private static readonly string[] Internals =
    [
        "Exception", "   at ", "HelpdeskLite.", "MySql", "Sqlite", "SQLite", "SELECT ", "UPDATE ", "Unknown database",
        "StackTrace", ".cs:line",
    ];

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Error_pages_leak_no_internals(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        using var anonymous = app.Anonymous();

        using var forbidden = await user.GetAsync("/admin/users");
        using var notFound = await user.GetAsync("/no/such/page");
        await DatabaseBreaker.BreakAsync(app.Database);
        using var failed = await anonymous.PostFormAsync("/account/sign-in", new() { ["Username"] = "someone", ["Password"] = "Some-Password-123" });

        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        var pages = new Dictionary<string, string>
        {
            ["403"] = await forbidden.Content.ReadAsStringAsync(),
            ["404"] = await notFound.Content.ReadAsStringAsync(),
            ["500"] = await failed.Content.ReadAsStringAsync(),
        };
        Assert.Contains("Not allowed", pages["403"], StringComparison.Ordinal);
        Assert.Contains("Not found", pages["404"], StringComparison.Ordinal);
        Assert.Contains("Something went wrong", pages["500"], StringComparison.Ordinal);
        foreach (var (code, html) in pages)
        {
            foreach (var secret in Internals)
            {
                Assert.False(html.Contains(secret, StringComparison.Ordinal), $"The {code} page contains '{secret}'.");
            }
        }
    }
}
