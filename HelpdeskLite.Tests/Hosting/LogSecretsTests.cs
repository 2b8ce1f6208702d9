using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Hosting;

public sealed class LogSecretsTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Log_file_holds_no_password_or_token(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
        });
        var token = Pages.SetupTests.IssueToken(app);
        using var anonymous = app.Anonymous();
        using var page = await anonymous.GetAsync($"/setup?token={token}");
        using var setup = await anonymous.PostFormAsync("/setup", Pages.SetupTests.SetupForm(token, "first.admin"));
        using var wrong = await anonymous.PostFormAsync(
            "/account/sign-in", new() { ["Username"] = "first.admin", ["Password"] = "Wrong-Guess-Password-55" });
        using var client = await app.SignInAsync("first.admin", "Tulip-Ferry-93-Lantern");
        var session = Auth.SessionTokenTests.SessionCookie(client, app.Address);
        using var home = await client.GetAsync("/");

        var log = ProcessStartupTests.LogText(app.Database.Folder);

        Assert.True(log.Contains("signed in", StringComparison.Ordinal), log);
        Assert.DoesNotContain("Tulip-Ferry-93-Lantern", log, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Guess-Password-55", log, StringComparison.Ordinal);
        Assert.DoesNotContain(token, log, StringComparison.Ordinal);
        Assert.DoesNotContain(session, log, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Split('.')[2], log, StringComparison.Ordinal);
    }
}
