namespace HelpdeskLite.Hosting;

public static class TimeZones
{
    /// <summary>Finds an IANA time zone by id, falling back to UTC for an unknown id.</summary>
    public static TimeZoneInfo Find(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : TimeZoneInfo.Utc;

    public static bool IsKnown(string? id) =>
        !string.IsNullOrEmpty(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);

    /// <summary>Returns the IANA ids people can choose from, sorted.</summary>
    public static IReadOnlyList<string> All { get; } = TimeZoneInfo.GetSystemTimeZones()
        .Select(z => z.Id)
        .Where(id => id.Contains('/') || id == "UTC")
        .Order(StringComparer.Ordinal)
        .ToList();

    public static DateTime ToLocal(this DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
}
