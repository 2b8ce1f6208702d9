using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Auth;

public sealed class SignInTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Correct_password_opens_the_dashboard(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User, displayName: "Zoë 🛠️ 𠜎 Tester");

        using var client = await app.SignInAsync(user.Username);
        var html = await client.GetHtmlAsync("/");

        Assert.Contains("Welcome, Zoë 🛠️ 𠜎 Tester", WebUtility.HtmlDecode(html));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Wrong_password_and_unknown_user_get_the_same_answer(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();

        var wrong = await client.PostFormAsync("/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = "not-the-password-1" });
        var unknown = await client.PostFormAsync("/account/sign-in", new() { ["Username"] = "nobody-here", ["Password"] = "not-the-password-1" });

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.StatusCode);
        Assert.Equal(ErrorOf(await wrong.Content.ReadAsStringAsync()), ErrorOf(await unknown.Content.ReadAsStringAsync()));
    }

    private static string ErrorOf(string html)
    {
        var start = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(start > 0, "The sign-in page shows no error.");
        return html[start..html.IndexOf("</div>", start, StringComparison.Ordinal)];
    }
}
