using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class RequestLimitsTests
{
    [Fact]
    public async Task Form_with_too_many_fields_is_rejected()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Limits:MaxFormFields"] = "20",
        });
        var (_, client) = await app.ClientForAsync(Role.User);
        var fields = Enumerable.Range(0, 50).ToDictionary(i => $"f{i}", i => "x");
        fields["DisplayName"] = "Changed Name";
        fields["TimeZone"] = "UTC";

        var response = await client.PostFormAsync("/profile", fields);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Changed Name", await client.GetHtmlAsync("/profile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_over_limit_is_rejected()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Limits:MaxRequestBodyBytes"] = "10000",
        });
        var (_, client) = await app.ClientForAsync(Role.User);

        var response = await client.PostFormAsync("/profile", new() { ["DisplayName"] = new string('a', 20_000), ["TimeZone"] = "UTC" });

        // Antiforgery reads the form first and reports the oversize body as an invalid token (400);
        // a route without antiforgery gets Kestrel's 413.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        Assert.DoesNotContain("aaaaaaaaaa", await client.GetHtmlAsync("/profile"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_header_is_not_sent()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.Anonymous();

        var response = await client.GetAsync("/account/sign-in");

        Assert.Empty(response.Headers.Server);
    }
}
