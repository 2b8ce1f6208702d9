namespace HelpdeskLite.Incidents;

/// <summary>
/// The incident's milestones and the durations between them. Time to triage counts from the
/// report; time to contain and time to recover count from detection (or the report when no
/// detection time is known), because that is when the organisation could first act.
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

    public TimeSpan? TimeToContain => Contained - (Detected ?? Reported);

    public TimeSpan? TimeToRecover => Recovered - (Detected ?? Reported);

    public static KeyTimes From(Incident incident) => new(
        incident.OccurredAt,
        incident.DetectedAt ?? incident.NoticedAt,
        incident.ReportedAt,
        incident.TriagedAt,
        incident.ContainedAt,
        incident.RecoveredAt,
        incident.ClosedAt);

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
}
