using System.Collections.Concurrent;

namespace HelpdeskLite.Audit;

/// <summary>One verification started from the web page, running in the background.</summary>
public sealed class AuditVerificationRun(Guid id, string startedBy, DateTime startedAt)
{
    private long checkedEntries;
    private long totalEntries;

    public Guid Id { get; } = id;

    public string StartedBy { get; } = startedBy;

    public DateTime StartedAt { get; } = startedAt;

    public long Checked => Interlocked.Read(ref checkedEntries);

    public long Total => Interlocked.Read(ref totalEntries);

    public AuditVerification? Result { get; private set; }

    public string? Error { get; private set; }

    public bool Finished => Result is not null || Error is not null;

    public int Percent
    {
        get
        {
            if (Result is not null)
            {
                return 100;
            }

            return Total == 0 ? 0 : (int)Math.Min(99, Checked * 100 / Total);
        }
    }

    internal void Report(AuditProgress progress)
    {
        Interlocked.Exchange(ref checkedEntries, progress.Checked);
        Interlocked.Exchange(ref totalEntries, progress.Total);
    }

    internal void Complete(AuditVerification result) => Result = result;

    internal void Fail(string error) => Error = error;
}

/// <summary>
/// Runs verifications from the web page in the background, one at a time per node, so the page
/// can poll for progress. Finished runs are kept for an hour.
/// </summary>
public sealed class AuditVerificationRuns(
    AuditVerifier verifier,
    TimeProvider clock,
    IHostApplicationLifetime lifetime,
    ILogger<AuditVerificationRuns> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<Guid, AuditVerificationRun> runs = new();
    private readonly Lock startLock = new();

    public AuditVerificationRun? Find(Guid id) => runs.GetValueOrDefault(id);

    /// <summary>Starts a run, or returns the one already running.</summary>
    public AuditVerificationRun Start(AuditActor actor)
    {
        lock (startLock)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var old in runs.Values.Where(r => r.Finished && now - r.StartedAt > KeepFor))
            {
                runs.TryRemove(old.Id, out _);
            }

            if (runs.Values.FirstOrDefault(r => !r.Finished) is { } running)
            {
                return running;
            }

            var run = new AuditVerificationRun(Guid.NewGuid(), actor.Name, now);
            runs[run.Id] = run;
            _ = Task.Run(() => Execute(run, actor), CancellationToken.None);
            return run;
        }
    }

    private void Execute(AuditVerificationRun run, AuditActor actor)
    {
        try
        {
            var progress = new SynchronousProgress(run.Report);
            run.Complete(verifier.VerifyAndRecord(actor, "web page", progress, lifetime.ApplicationStopping));
            logger.LogInformation("Audit verification {RunId} finished: intact {Intact}, first bad seq {FirstBadSequence}",
                run.Id, run.Result!.Intact, run.Result.FirstBadSequence);
        }
        catch (OperationCanceledException)
        {
            run.Fail("The verification stopped because the application is shutting down.");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException)
        {
            logger.LogError(ex, "Audit verification {RunId} failed", run.Id);
            run.Fail("The verification could not read the audit log. The error is in the application log.");
        }
        catch (Exception ex)
        {
            // The run belongs to no request, so an uncaught error would leave the page polling forever.
            logger.LogError(ex, "Audit verification {RunId} stopped with an unexpected error", run.Id);
            run.Fail("The verification stopped with an unexpected error. The error is in the application log.");
        }
    }

    // Progress<T> posts to the thread pool, so an update could arrive after the result. This one
    // applies each update at once on the verifying thread.
    private sealed class SynchronousProgress(Action<AuditProgress> report) : IProgress<AuditProgress>
    {
        public void Report(AuditProgress value) => report(value);
    }
}
