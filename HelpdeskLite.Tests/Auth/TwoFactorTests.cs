using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using OtpNet;

namespace HelpdeskLite.Tests.Auth;

public sealed partial class TwoFactorTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sign_in_asks_for_code_after_password(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        var (secret, recovery) = await EnrolAsync(client);
        using var second = app.Anonymous();

        var password = await second.PostFormAsync("/account/sign-in", Credentials(user));
        var sessionAfterPassword = second.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]?.Value;
        var beforeCode = await second.GetAsync("/");
        var wrong = await second.PostFormAsync("/account/two-factor", new() { ["Code"] = "000000" });
        var right = await second.PostFormAsync("/account/two-factor", new() { ["Code"] = CodeAt(secret, 30) });

        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.StartsWith("/account/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.True(string.IsNullOrEmpty(sessionAfterPassword), "A session cookie was set before the code.");
        Assert.Equal(HttpStatusCode.Redirect, beforeCode.StatusCode);
        Assert.StartsWith("/account/sign-in", beforeCode.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/")).StatusCode);
        using var db = app.Db.Open();
        Assert.True(db.TwoFactorStates.Single(s => s.Id == user.Id).Enabled);
        Assert.Equal(10, db.RecoveryCodes.Count(c => c.UserId == user.Id));
        Assert.DoesNotContain(db.RecoveryCodes, c => recovery.Contains(c.CodeHash));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Guessed_codes_lock_account(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "3" });
        var (user, client) = await app.ClientForAsync(Role.User);
        var (secret, _) = await EnrolAsync(client);
        using var attacker = app.Anonymous();
        await attacker.PostFormAsync("/account/sign-in", Credentials(user));

        var guesses = new List<HttpStatusCode>();
        foreach (var guess in new[] { "000001", "000002", "000003" })
        {
            using var response = await attacker.PostFormAsync("/account/two-factor", new() { ["Code"] = guess });
            guesses.Add(response.StatusCode);
        }

        using var right = await attacker.PostFormAsync("/account/two-factor", new() { ["Code"] = CodeAt(secret, 0) });
        using var fresh = app.Anonymous();
        using var again = await fresh.PostFormAsync("/account/sign-in", Credentials(user));

        Assert.All(guesses, status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.StartsWith("/account/sign-in", right.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await attacker.GetAsync("/")).StatusCode);
        using var db = app.Db.Open();
        Assert.NotNull(db.Users.Single(u => u.Id == user.Id).LockedUntil);
        Assert.Equal(1, db.AuditEntries.Count(e => e.Action == AuditEvent.Account_LockedOut));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Replayed_code_is_rejected(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        var (secret, _) = await EnrolAsync(client);
        var code = CodeAt(secret, 30);
        using var first = app.Anonymous();
        using var second = app.Anonymous();

        await first.PostFormAsync("/account/sign-in", Credentials(user));
        var used = await first.PostFormAsync("/account/two-factor", new() { ["Code"] = code });
        await second.PostFormAsync("/account/sign-in", Credentials(user));
        var replayed = await second.PostFormAsync("/account/two-factor", new() { ["Code"] = code });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
        using var db = app.Db.Open();
        Assert.Contains(db.GetTable<AuditEntry>(), e => e.Action == AuditEvent.TwoFactor_CodeRejected && e.EntityId == user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Recovery_code_works_once(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        var (_, recovery) = await EnrolAsync(client);
        using var first = app.Anonymous();
        using var second = app.Anonymous();

        await first.PostFormAsync("/account/sign-in", Credentials(user));
        var used = await first.PostFormAsync("/account/two-factor", new() { ["Code"] = recovery[3] });
        await second.PostFormAsync("/account/sign-in", Credentials(user));
        var reused = await second.PostFormAsync("/account/two-factor", new() { ["Code"] = recovery[3] });

        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(1, db.RecoveryCodes.Count(c => c.UserId == user.Id && c.UsedAt != null));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pending_token_is_not_a_session(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        await EnrolAsync(client);
        using var half = app.Anonymous();
        await half.PostFormAsync("/account/sign-in", Credentials(user));
        var pending = half.Cookies.GetCookies(new Uri(app.Address, "/account/two-factor"))["hd_2fa"]!.Value;
        using var forged = app.Anonymous();
        forged.Cookies.Add(app.Address, new Cookie(SessionTokens.CookieName, pending));

        var response = await forged.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Disable_needs_the_password(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        await EnrolAsync(client);

        var wrong = await client.PostFormAsync("/profile/two-factor?handler=Disable", new() { ["password"] = "not-my-password-1" });
        var enabledAfterWrong = IsEnabled(app, user);
        var right = await client.PostFormAsync("/profile/two-factor?handler=Disable", new() { ["password"] = TestApp.DefaultPassword });

        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True(enabledAfterWrong);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.False(IsEnabled(app, user));
        using var db = app.Db.Open();
        Assert.Equal(0, db.RecoveryCodes.Count(c => c.UserId == user.Id));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Required_role_must_enrol_first(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var (officer, officerClient) = await app.ClientForAsync(Role.SecurityOfficer);

        var saved = await admin.PostFormAsync("/admin/security", new() { ["RequiredRoles"] = "SecurityOfficer" });
        var gated = await officerClient.GetAsync("/");
        var adminPage = await admin.GetAsync("/");
        await EnrolAsync(officerClient);
        using var again = app.Anonymous();
        var afterEnrol = await again.PostFormAsync("/account/sign-in", Credentials(officer));

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, gated.StatusCode);
        Assert.Equal("/profile/two-factor", gated.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
        Assert.StartsWith("/account/two-factor", afterEnrol.Headers.Location!.OriginalString, StringComparison.Ordinal);
        using var db = app.Db.Open();
        Assert.Equal("SecurityOfficer", db.Settings.Single(s => s.Key == TwoFactorService.RequiredRolesKey).Value);
        Assert.Contains(db.GetTable<AuditEntry>(), e => e.Action == AuditEvent.Settings_Changed);
    }

    /// <summary>Turns TOTP on through the pages; returns the secret and the recovery codes shown.</summary>
    private static async Task<(string Secret, List<string> Recovery)> EnrolAsync(TestClient client)
    {
        var begin = await (await client.PostFormAsync("/profile/two-factor?handler=Begin", [])).Content.ReadAsStringAsync();
        Assert.Contains("src=\"data:image/png;base64,", begin, StringComparison.Ordinal);
        var secret = SecretPattern().Match(begin).Groups[1].Value;
        var confirm = await client.PostFormAsync("/profile/two-factor?handler=Confirm", new() { ["code"] = CodeAt(secret, 0) });
        var html = await confirm.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        return (secret, RecoveryPattern().Matches(html).Select(m => m.Groups[1].Value).ToList());
    }

    private static string CodeAt(string secret, int secondsFromNow) =>
        new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(DateTime.UtcNow.AddSeconds(secondsFromNow));

    private static bool IsEnabled(TestApp app, User user)
    {
        using var db = app.Db.Open();
        return db.TwoFactorStates.Single(s => s.Id == user.Id).Enabled;
    }

    private static Dictionary<string, string> Credentials(User user) =>
        new() { ["Username"] = user.Username, ["Password"] = TestApp.DefaultPassword };

    [GeneratedRegex("Secret: <code>([A-Z2-7]+)</code>")]
    private static partial Regex SecretPattern();

    [GeneratedRegex("<li><code>([0-9a-f]{5}-[0-9a-f]{5})</code></li>")]
    private static partial Regex RecoveryPattern();
}
