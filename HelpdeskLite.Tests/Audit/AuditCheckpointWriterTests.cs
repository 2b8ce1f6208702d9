using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Audit;

public sealed class AuditCheckpointWriterTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Running_app_writes_checkpoints_to_table_and_log(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Audit:CheckpointEvery"] = "1",
            ["Audit:CheckpointPollSeconds"] = "1",
            ["Serilog:MinimumLevel:Override:HelpdeskLite.Audit.AuditCheckpoints"] = "Information",
        });
        for (var i = 0; i < 4; i++)
        {
            app.CreateUser(Role.User);
        }

        var checkpoints = app.Services.GetRequiredService<AuditCheckpoints>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var fromLog = new List<AuditCheckpointFound>();
        while (DateTime.UtcNow < deadline && !fromLog.Any(c => c.Sequence == 4))
        {
            await Task.Delay(200);
            fromLog = checkpoints.ReadLogFiles().ToList();
        }

        Assert.Contains(fromLog, c => c.Sequence == 4);
        using var db = app.Db.Open();
        var stored = db.AuditCheckpoints.OrderByDescending(c => c.Sequence).First();
        Assert.Equal(4, stored.Sequence);
        Assert.True(checkpoints.IsGenuine(stored));
        Assert.Equal(db.AuditEntries.Single(e => e.Sequence == stored.Sequence).Mac, stored.Mac);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Checkpoint_is_due_by_count_or_time(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 5);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var checkpoints = chain.Checkpoints(clock, new AuditOptions { CheckpointEvery = 3, CheckpointMinutes = 60 });

        var first = checkpoints.WriteIfDue();
        chain.Append(2);
        var tooFewEntries = checkpoints.WriteIfDue();
        chain.Append(1);
        var byCount = checkpoints.WriteIfDue();
        chain.Append(1);
        var tooSoon = checkpoints.WriteIfDue();
        clock.Now += TimeSpan.FromMinutes(61);
        var byTime = checkpoints.WriteIfDue();
        var nothingNew = checkpoints.WriteIfDue();

        Assert.Equal(5, first?.Sequence);
        Assert.Null(tooFewEntries);
        Assert.Equal(8, byCount?.Sequence);
        Assert.Null(tooSoon);
        Assert.Equal(9, byTime?.Sequence);
        Assert.Null(nothingNew);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
