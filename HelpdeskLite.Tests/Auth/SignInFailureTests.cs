using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Auth;

/// <summary>Bad sign-in input gets the sign-in page with 401 and changes nothing but the failure count.</summary>
public sealed class SignInFailureTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bad_input_gets_sign_in_page_with_401(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();
        var cases = new Dictionary<string, Dictionary<string, string>>
        {
            ["wrong password"] = new() { ["Username"] = user.Username, ["Password"] = "Wrong-Password-123" },
            ["unknown user"] = new() { ["Username"] = "nobody.here", ["Password"] = TestApp.DefaultPassword },
            ["empty fields"] = new() { ["Username"] = "", ["Password"] = "" },
            ["empty password"] = new() { ["Username"] = user.Username, ["Password"] = "" },
            ["1 MB username"] = new() { ["Username"] = new string('a', 1024 * 1024), ["Password"] = TestApp.DefaultPassword },
        };

        foreach (var (name, fields) in cases)
        {
            using var response = await client.PostFormAsync("/account/sign-in", fields);
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{name}: {(int)response.StatusCode}");
            Assert.Contains("Sign-in failed. Check your username and password.", html, StringComparison.Ordinal);
            Assert.DoesNotContain(SessionCookieName, client.Cookies.GetCookies(app.Address).Select(c => c.Name));
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Account_locks_after_max_failures(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Auth:MaxFailedSignIns"] = "3",
            ["Auth:LockoutMinutes"] = "7",
        });
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();

        for (var i = 0; i < 3; i++)
        {
            using var failed = await client.PostFormAsync("/account/sign-in", Form(user.Username, "Wrong-Password-123"));
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var locked = await client.PostFormAsync("/account/sign-in", Form(user.Username, TestApp.DefaultPassword));
        using var db = app.Db.Open();
        var lockedUntil = db.Users.Single(u => u.Id == user.Id).LockedUntil;

        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        Assert.NotNull(lockedUntil);
        Assert.InRange(lockedUntil.Value, DateTime.UtcNow.AddMinutes(6), DateTime.UtcNow.AddMinutes(8));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Fewer_failures_than_max_do_not_lock(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "3" });
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();

        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.PostFormAsync("/account/sign-in", Form(user.Username, "Wrong-Password-123"));
        }

        using var signedIn = await client.PostFormAsync("/account/sign-in", Form(user.Username, TestApp.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Lockout_ends_after_lockout_minutes(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "2" });
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();
        for (var i = 0; i < 2; i++)
        {
            using var failed = await client.PostFormAsync("/account/sign-in", Form(user.Username, "Wrong-Password-123"));
        }

        using (var db = app.Db.Open())
        {
            db.Users.Where(u => u.Id == user.Id).Set(u => u.LockedUntil, DateTime.UtcNow.AddSeconds(-1)).Update();
        }

        using var signedIn = await client.PostFormAsync("/account/sign-in", Form(user.Username, TestApp.DefaultPassword));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public void Lockout_defaults_are_five_failures_and_fifteen_minutes()
    {
        var options = new HelpdeskLite.Hosting.AuthOptions();

        Assert.Equal(5, options.MaxFailedSignIns);
        Assert.Equal(15, options.LockoutMinutes);
    }

    private const string SessionCookieName = HelpdeskLite.Auth.SessionTokens.CookieName;

    private static Dictionary<string, string> Form(string username, string password) =>
        new() { ["Username"] = username, ["Password"] = password };
}
