using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Audit;

/// <summary>Each state-changing handler that exists writes the audit entry it must.</summary>
public sealed class AuditCompletenessTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sign_in_success_and_failure_are_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();

        await client.PostFormAsync("/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = "wrong-password-123" });
        await client.PostFormAsync("/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = TestApp.DefaultPassword });

        var failed = Assert.Single(Entries(app, AuditEvent.SignIn_Failed));
        Assert.Equal(Key(user), failed.EntityId);
        Assert.Contains("wrong password", failed.Details);
        var succeeded = Assert.Single(Entries(app, AuditEvent.SignIn_Succeeded));
        Assert.Equal(user.Id, succeeded.ActorId);
        Assert.Equal("127.0.0.1", succeeded.ClientIp);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Lockout_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();

        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = "wrong-password-123" });
        }

        var lockout = Assert.Single(Entries(app, AuditEvent.Account_LockedOut));
        Assert.Equal(Key(user), lockout.EntityId);
        Assert.Equal(5, Entries(app, AuditEvent.SignIn_Failed).Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Setup_of_first_admin_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        string token;
        using (var scope = app.Services.CreateScope())
        {
            token = scope.ServiceProvider.GetRequiredService<AccountService>().IssueSetupToken();
        }

        using var client = app.Anonymous();
        var response = await client.PostFormAsync("/setup", new()
        {
            ["Token"] = token, ["Username"] = "firstadmin", ["DisplayName"] = "First Admin",
            ["Password"] = TestApp.DefaultPassword, ["ConfirmPassword"] = TestApp.DefaultPassword,
        });

        Assert.True((int)response.StatusCode is 200 or 302, $"Set-up returned {(int)response.StatusCode}.");
        var created = Assert.Single(Entries(app, AuditEvent.Setup_AdminCreated));
        Assert.Equal("firstadmin", created.ActorName);
        Assert.Single(Entries(app, AuditEvent.Setup_LinkIssued));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task User_administration_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (admin, client) = await app.ClientForAsync(Role.Admin);

        await client.PostFormAsync("/admin/users/new", new()
        {
            ["Username"] = "newperson", ["DisplayName"] = "New Person", ["Role"] = "User", ["Password"] = TestApp.DefaultPassword,
        });
        var target = FindUser(app, "newperson");
        await Post(client, target, "Role", new() { ["role"] = "ItSupport" });
        await Post(client, FindUser(app, "newperson"), "Deactivate");
        await Post(client, FindUser(app, "newperson"), "Reactivate");
        await Post(client, FindUser(app, "newperson"), "ResetPassword");
        await Post(client, FindUser(app, "newperson"), "Unlock");

        foreach (var action in new[]
        {
            AuditEvent.User_Created, AuditEvent.User_RoleChanged, AuditEvent.User_Deactivated,
            AuditEvent.User_Reactivated, AuditEvent.User_PasswordReset, AuditEvent.User_Unlocked,
        })
        {
            var entry = Assert.Single(Entries(app, action), e => e.EntityId == Key(target));
            Assert.Equal(admin.Id, entry.ActorId);
        }

        Assert.Contains("ItSupport", Assert.Single(Entries(app, AuditEvent.User_RoleChanged)).Details);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Profile_password_change_and_sign_out_are_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);

        await client.PostFormAsync("/profile", new() { ["DisplayName"] = "Renamed Person", ["TimeZone"] = "Europe/Berlin" });
        await client.PostFormAsync("/account/change-password", new()
        {
            ["CurrentPassword"] = TestApp.DefaultPassword, ["NewPassword"] = "Another-Horse-Battery-77",
            ["ConfirmPassword"] = "Another-Horse-Battery-77",
        });
        using var again = await app.SignInAsync(user.Username, "Another-Horse-Battery-77");
        await again.PostFormAsync("/account/sign-out", new());

        var profile = Assert.Single(Entries(app, AuditEvent.User_ProfileChanged));
        Assert.Contains("Renamed Person", profile.Details);
        Assert.Equal(user.Id, Assert.Single(Entries(app, AuditEvent.User_PasswordChanged)).ActorId);
        Assert.Equal(user.Id, Assert.Single(Entries(app, AuditEvent.SignOut_Completed)).ActorId);
        client.Dispose();
    }

    private static async Task Post(TestClient client, User target, string handler, Dictionary<string, string>? fields = null)
    {
        fields ??= [];
        fields["rowVersion"] = target.RowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var response = await client.PostFormAsync($"/admin/users/{target.Id}?handler={handler}", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static User FindUser(TestApp app, string username)
    {
        using var db = app.Db.Open();
        return db.Users.Single(u => u.Username == username);
    }

    private static List<AuditEntry> Entries(TestApp app, AuditEvent action)
    {
        using var db = app.Db.Open();
        return db.AuditEntries.Where(e => e.Action == action).OrderBy(e => e.Sequence).ToList();
    }

    private static string Key(User user) => AccountService.Key(user.Id);
}
