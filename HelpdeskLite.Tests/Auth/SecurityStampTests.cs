using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Auth;

/// <summary>An admin's change to an account ends that account's existing session on its next request.</summary>
public sealed class SecurityStampTests
{
    public static TheoryData<DatabaseKind, string> Changes()
    {
        var data = new TheoryData<DatabaseKind, string>();
        foreach (var kind in new[] { DatabaseKind.Sqlite, DatabaseKind.MySql })
        {
            data.Add(kind, "Deactivate");
            data.Add(kind, "Role");
            data.Add(kind, "ResetPassword");
        }

        return data;
    }

    [Theory, MemberData(nameof(Changes))]
    public async Task Admin_change_ends_existing_session(DatabaseKind kind, string handler)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var (user, session) = await app.ClientForAsync(Role.User);
        using (var before = await session.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var fields = new Dictionary<string, string> { ["rowVersion"] = user.RowVersion.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (handler == "Role")
        {
            fields["role"] = nameof(Role.ItSupport);
        }

        using var change = await admin.PostFormAsync($"/admin/users/{user.Id}?handler={handler}", fields);
        using var after = await session.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }
}
