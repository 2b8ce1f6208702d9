using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Security;

/// <summary>Checks that the snapshot the hostile-input tests rely on sees a change.</summary>
public sealed class DatabaseSnapshotTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Edited_row_changes_content_but_not_counts(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        var before = DatabaseSnapshot.Take(app);

        using (var db = app.Db.Open())
        {
            db.GetTable<User>().Where(u => u.Id == user.Id).Set(u => u.DisplayName, "Renamed").Update();
        }

        var after = DatabaseSnapshot.Take(app);
        Assert.Equal(["users"], before.ContentChanges(after));
        Assert.Empty(before.CountChanges(after));
        Assert.Empty(after.ContentChanges(DatabaseSnapshot.Take(app)));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Added_row_changes_counts(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var before = DatabaseSnapshot.TakeCounts(app);

        app.CreateUser(Role.User);

        Assert.Contains(before.CountChanges(DatabaseSnapshot.TakeCounts(app)), change => change.StartsWith("users: ", StringComparison.Ordinal));
    }
}
