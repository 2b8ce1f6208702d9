using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Tests.Data;

public sealed class MigrationConcurrencyTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Two_processes_migrating_at_once_apply_each_migration_once(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateEmptyAsync(kind);
        var timeout = TimeSpan.FromSeconds(120);
        string[] Arguments(string username) =>
        [
            "admin", "create", "--username", username,
            $"--Helpdesk:DataFolder={database.Folder}",
            $"--Database:Provider={database.Options.Provider}",
            $"--ConnectionStrings:Helpdesk={database.ConnectionString}",
        ];

        var first = ProductProcess.RunDllAsync(database.Folder, "Tulip-Ferry-93-Lantern", timeout, Arguments("admin.one"));
        var second = ProductProcess.RunDllAsync(database.Folder, "Tulip-Ferry-93-Lantern", timeout, Arguments("admin.two"));
        await using var one = await first;
        await using var two = await second;

        Assert.True(one.ExitCode == 0, $"first: {one.Error}");
        Assert.True(two.ExitCode == 0, $"second: {two.Error}");
        using var db = database.Factory.Open();
        var versions = db.Query<long>("SELECT Version FROM VersionInfo").ToList();
        Assert.NotEmpty(versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
        Assert.Contains(101L, versions);
        Assert.Equal(2, db.Users.Count());
    }
}
