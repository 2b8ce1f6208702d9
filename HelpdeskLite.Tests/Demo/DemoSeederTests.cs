using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Demo;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Tests.Demo;

public sealed class DemoSeederTests
{
    // A small fill keeps the test fast; the incidents and the SLA monitor runs are always complete.
    private const int TicketCount = 24;

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Fill_writes_every_record_kind_and_verifiable_audit(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);

        var fill = await FillAsync(database);

        using var db = database.Factory.Open();
        Assert.True(fill.Filled);
        Assert.Equal(0, fill.StoppedScripts);
        Assert.Equal(TicketCount + 1, db.Tickets.Count());
        Assert.Equal(Enum.GetValues<IncidentStatus>().Order(), db.Incidents.Select(i => i.Status).ToList().Order());
        Assert.Equal(Enum.GetValues<Role>().Order(), db.Users.Select(u => u.Role).Distinct().ToList().Order());
        Assert.Contains(db.Tickets, t => t.Status == TicketStatus.Closed);
        Assert.Contains(db.Tickets, t => t.Status.IsOpen());
        Assert.True(db.TicketComments.Any());
        Assert.True(db.Notifications.Any());
        Assert.True(db.IncidentEvidence.Any());
        Assert.True(db.IncidentTimeline.Count() > 20);
        Assert.True(db.Tickets.Min(t => t.CreatedAt) < DateTime.UtcNow.AddDays(-30));
        Assert.True(Verifier(database).Verify().Intact);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Second_fill_changes_nothing(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        await FillAsync(database);
        long entries;
        using (var before = database.Factory.Open())
        {
            entries = before.AuditEntries.Count();
        }

        var second = await FillAsync(database);

        using var db = database.Factory.Open();
        Assert.False(second.Filled);
        Assert.Equal(entries, db.AuditEntries.Count());
        Assert.Equal(TicketCount + 1, second.Tickets);
    }

    [Fact]
    public async Task Database_with_other_users_is_rejected()
    {
        using var database = await TestDatabase.CreateAsync(DatabaseKind.Sqlite);
        using (var db = database.Factory.Open())
        {
            db.Insert(new User
            {
                Username = "real.person",
                DisplayName = "Real Person",
                PasswordHash = "not a hash",
                SecurityStamp = "stamp",
                TimeZone = "UTC",
                IsActive = true,
                CreatedAt = DateTime.UtcNow,
            });
        }

        var error = await Assert.ThrowsAsync<StartupException>(() => FillAsync(database));

        Assert.Contains("already holds users but no demo data", error.Message, StringComparison.Ordinal);
    }

    private static Task<DemoFill> FillAsync(TestDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Tickets"] = TicketCount.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            .Build();
        return DemoSeeder.FillIfEmptyAsync(
            configuration, new HelpdeskOptions { DataFolder = database.Folder }, database.Options, TimeProvider.System);
    }

    private static AuditVerifier Verifier(TestDatabase database)
    {
        var options = Options.Create(new AuditOptions());
        var keys = database.KeyRing();
        var checkpoints = new AuditCheckpoints(database.Factory, keys, TimeProvider.System, options,
            Options.Create(new HelpdeskOptions { DataFolder = database.Folder }), NullLogger<AuditCheckpoints>.Instance);
        return new AuditVerifier(database.Factory, keys, checkpoints, new AuditLog(keys, TimeProvider.System), options,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditVerifier>.Instance);
    }
}
