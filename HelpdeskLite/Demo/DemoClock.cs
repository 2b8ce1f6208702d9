namespace HelpdeskLite.Demo;

/// <summary>A clock the demo filler sets to each simulated moment, so records and audit entries carry past times.</summary>
internal sealed class DemoClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
