using HelpdeskLite.Hosting;

namespace HelpdeskLite.Incidents;

/// <summary>
/// The incident's milestones and the durations between them. Time to triage counts from the
/// report; time to contain and time to recover count from detection (or the report when no
/// detection time is known), because that is when the organisation could first act. When
/// containment or recovery is recorded before that start, the real detection time is unknown,
/// so the duration is unknown too rather than negative.
/// </summary>
public sealed record KeyTimes(
    DateTime? Occurred,
    DateTime? Detected,
    DateTime Reported,
    DateTime? Triaged,
    DateTime? Contained,
    DateTime? Recovered,
    DateTime? Closed)
{
    public TimeSpan? TimeToTriage => Triaged - Reported;

    public TimeSpan? TimeToContain => NotNegative(Contained - (Detected ?? Reported));

    public TimeSpan? TimeToRecover => NotNegative(Recovered - (Detected ?? Reported));

    public static KeyTimes From(Incident incident) => new(
        incident.OccurredAt,
        incident.DetectedAt ?? incident.NoticedAt,
        incident.ReportedAt,
        incident.TriagedAt,
        incident.ContainedAt,
        incident.RecoveredAt,
        incident.ClosedAt);

    /// <summary>
    /// Returns why the incident's own times contradict each other or lie after
    /// <paramref name="now"/>, or null when they fit: it occurred before it was detected and
    /// before it was contained, and recovery came after containment.
    /// </summary>
    public static string? Contradiction(Incident incident, DateTime now, TimeZoneInfo zone)
    {
        string Show(DateTime utc) => utc.ToLocal(zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

        if (incident.OccurredAt > now || incident.DetectedAt > now)
        {
            return "The occurred and detected times cannot be in the future.";
        }

        if (incident.OccurredAt is { } occurred && incident.DetectedAt is { } detected && detected < occurred)
        {
            return $"The detected time {Show(detected)} is before the occurred time {Show(occurred)}.";
        }

        // Without a detected time the reporter's noticed time is used in its place, so it must fit too.
        if (incident.OccurredAt is { } began && incident.DetectedAt is null && incident.NoticedAt is { } noticed && noticed < began)
        {
            return $"The reporter noticed it at {Show(noticed)}, before the occurred time {Show(began)}. "
                + "Enter the detected time, or correct the occurred time.";
        }

        if (incident.OccurredAt is { } start && incident.ContainedAt is { } contained && contained < start)
        {
            return $"Containment at {Show(contained)} is before the incident occurred at {Show(start)}.";
        }

        if (incident.ContainedAt is { } containedAt && incident.RecoveredAt is { } recovered && recovered < containedAt)
        {
            return $"Recovery at {Show(recovered)} is before containment took effect at {Show(containedAt)}.";
        }

        return null;
    }

    /// <summary>Formats a duration as "2 d 3 h 5 min", or "-" when it is not known yet.</summary>
    public static string Format(TimeSpan? span)
    {
        if (span is not { } value)
        {
            return "-";
        }

        var sign = value < TimeSpan.Zero ? "-" : "";
        value = value.Duration();
        var parts = new List<string>();
        if (value.Days > 0)
        {
            parts.Add($"{value.Days} d");
        }

        if (value.Hours > 0)
        {
            parts.Add($"{value.Hours} h");
        }

        parts.Add($"{value.Minutes} min");
        return sign + string.Join(' ', parts);
    }

    private static TimeSpan? NotNegative(TimeSpan? span) => span < TimeSpan.Zero ? null : span;
}
