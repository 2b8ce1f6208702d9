using System.Data.Common;
using HelpdeskLite.Data;
using LinqToDB;

namespace HelpdeskLite.Hosting;

/// <summary>
/// A periodic background job that several nodes may run. Each pass first claims or renews a lease
/// row in the database, so only one node does the work at a time, and a node that stops is
/// replaced once its lease expires.
/// </summary>
public abstract class LeasedJob(
    HelpdeskDbFactory dbs, TimeProvider clock, ILogger logger, string leaseName, TimeSpan interval, TimeSpan leaseLength)
    : BackgroundService
{
    private readonly string holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected HelpdeskDbFactory Dbs { get; } = dbs;

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>Runs one pass of the job. Returns how many records it changed.</summary>
    public abstract int RunOnce();

    /// <summary>Claims the lease, or renews it when this node has it. Returns false when another node has it.</summary>
    public bool TryTakeLease()
    {
        var now = Clock.UtcNowMicroseconds();
        var until = now + leaseLength;
        using var db = Dbs.Open();
        if (Claim(db, now, until))
        {
            return true;
        }

        try
        {
            db.Insert(new Lease { Name = leaseName, Holder = holder, ExpiresAt = until });
            return true;
        }
        catch (DbException)
        {
            // Someone inserted the row first: another node, or this node's own timer pass, in
            // which case the claim now succeeds.
            return Claim(db, now, until);
        }
    }

    private bool Claim(HelpdeskDb db, DateTime now, DateTime until) =>
        db.Leases
            .Where(l => l.Name == leaseName && (l.Holder == holder || l.ExpiresAt < now))
            .Set(l => l.Holder, holder)
            .Set(l => l.ExpiresAt, until)
            .Update() == 1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Logger.LogInformation("Job {Lease} started as {Holder}", leaseName, holder);
        using var timer = new PeriodicTimer(interval, Clock);
        do
        {
            try
            {
                if (TryTakeLease())
                {
                    RunOnce();
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                Logger.LogError(ex, "Job {Lease} failed and retries in {Seconds} s", leaseName, interval.TotalSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
