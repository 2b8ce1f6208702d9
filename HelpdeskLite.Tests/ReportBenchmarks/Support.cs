using System.Diagnostics;

namespace HelpdeskLite.ReportBenchmarks;

internal sealed record Measurement(long Rows, TimeSpan Elapsed, long PeakWorkingSet, long PeakManaged);

/// <summary>Samples the process's working set and managed heap every 5 ms and keeps the maxima.</summary>
internal sealed class PeakSampler : IDisposable
{
    private readonly Thread thread;
    private volatile bool stop;

    public PeakSampler()
    {
        thread = new Thread(() =>
        {
            using var process = Process.GetCurrentProcess();
            while (!stop)
            {
                process.Refresh();
                PeakWorkingSet = Math.Max(PeakWorkingSet, process.WorkingSet64);
                PeakManaged = Math.Max(PeakManaged, GC.GetTotalMemory(false));
                Thread.Sleep(5);
            }
        }) { IsBackground = true };
        thread.Start();
    }

    public long PeakWorkingSet { get; private set; }

    public long PeakManaged { get; private set; }

    public void Dispose()
    {
        stop = true;
        thread.Join();
    }
}

/// <summary>A clock fixed at the time the data was generated for.</summary>
internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc);
}
