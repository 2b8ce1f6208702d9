namespace HelpdeskLite.Hosting;

public static class TimeExtensions
{
    /// <summary>Drops sub-microsecond ticks, the finest precision both databases keep.</summary>
    public static DateTime TruncateToMicroseconds(this DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), value.Kind);

    public static DateTime UtcNowMicroseconds(this TimeProvider clock) =>
        DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.TruncateToMicroseconds(), DateTimeKind.Utc);
}
