using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Auth;

/// <summary>A wrong current password on the change-password form counts like a failed sign-in.</summary>
public sealed class ChangePasswordFailureTests
{
    private const string NewPassword = "Quiet-Lantern-Harbour-77";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Wrong_current_passwords_lock_account(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "3" });
        var (user, client) = await app.ClientForAsync(Role.User);

        var answers = new List<(HttpStatusCode Status, string Html)>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.PostFormAsync("/account/change-password", Form("Wrong-Password-123"));
            answers.Add((response.StatusCode, await response.Content.ReadAsStringAsync()));
        }

        using var afterwards = await client.GetAsync("/tickets");
        using var signIn = await app.Anonymous().PostFormAsync(
            "/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = TestApp.DefaultPassword });
        using var db = app.Db.Open();
        var row = db.Users.Single(u => u.Id == user.Id);

        Assert.All(answers, answer => Assert.Equal(HttpStatusCode.BadRequest, answer.Status));
        Assert.Contains("The current password is wrong.", answers[0].Html, StringComparison.Ordinal);
        Assert.Contains("The account is locked for a while and this session has ended.", answers[2].Html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.StartsWith("/account/sign-in", afterwards.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        Assert.Equal(user.PasswordHash, row.PasswordHash);
        Assert.NotNull(row.LockedUntil);
        Assert.Equal(3, db.AuditEntries.Count(e => e.Action == AuditEvent.User_PasswordChangeRefused));
        Assert.Equal(1, db.AuditEntries.Count(e => e.Action == AuditEvent.Account_LockedOut));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Change_clears_failure_count(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?> { ["Auth:MaxFailedSignIns"] = "3" });
        var (user, client) = await app.ClientForAsync(Role.User);

        for (var i = 0; i < 2; i++)
        {
            using var wrong = await client.PostFormAsync("/account/change-password", Form("Wrong-Password-123"));
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var changed = await client.PostFormAsync("/account/change-password", Form(TestApp.DefaultPassword));
        using var db = app.Db.Open();
        var row = db.Users.Single(u => u.Id == user.Id);

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(0, row.FailedSignIns);
        Assert.Null(row.LockedUntil);
    }

    private static Dictionary<string, string> Form(string current) => new()
    {
        ["CurrentPassword"] = current,
        ["NewPassword"] = NewPassword,
        ["ConfirmPassword"] = NewPassword,
    };
}
