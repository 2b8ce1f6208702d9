using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Account;

public sealed class ChangePasswordTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Guessing_the_current_password_locks_the_account(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Auth:MaxFailedSignIns"] = "3",
        });
        var (user, client) = await app.ClientForAsync(Role.User);
        var guess = new Dictionary<string, string>
        {
            ["CurrentPassword"] = "Wrong-Guess-Number-1",
            ["NewPassword"] = "Brand-New-Passphrase-77",
            ["ConfirmPassword"] = "Brand-New-Passphrase-77",
        };

        var first = await client.PostFormAsync("/account/change-password", guess);
        var second = await client.PostFormAsync("/account/change-password", guess);
        var third = await client.PostFormAsync("/account/change-password", guess);
        var afterLock = await client.GetAsync("/profile");

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Contains("locked", await third.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, afterLock.StatusCode);
        using var db = app.Db.Open();
        Assert.NotNull(db.Users.Single(u => u.Id == user.Id).LockedUntil);
        Assert.Equal(1, db.GetTable<AuditEntry>().Count(e => e.Action == AuditEvent.Account_LockedOut && e.EntityId == user.Id.ToString()));
        client.Dispose();
    }
}
