using HelpdeskLite.Incidents;

namespace HelpdeskLite.Reports;

/// <summary>The facts of one incident that the incident report counts.</summary>
public sealed record IncidentFacts(
    long Id,
    IncidentCategory? Category,
    Severity? Severity,
    IncidentStatus Status,
    KeyTimes Times);

public sealed record IncidentReportResult(
    int Total,
    IReadOnlyList<CountRow> ByCategory,
    IReadOnlyList<CountRow> BySeverity,
    IReadOnlyList<CountRow> ByMonth,
    TimeSpan? MeanTimeToTriage,
    TimeSpan? MeanTimeToContain,
    TimeSpan? MeanTimeToRecover,
    IReadOnlyList<CountRow> OpenByPhase,
    int CorrectiveActionsOverdue);

/// <summary>Computes the incident report from the incidents reported in the range.</summary>
public static class IncidentReport
{
    public const string NotSet = "Not set";

    public static IncidentReportResult Compute(IReadOnlyList<IncidentFacts> incidents, TimeZoneInfo zone, int overdueCorrective) =>
        new(
            incidents.Count,
            Enum.GetValues<IncidentCategory>().Select(c => new CountRow(c.Display(), incidents.Count(i => i.Category == c)))
                .Append(new CountRow(NotSet, incidents.Count(i => i.Category is null))).ToList(),
            Enum.GetValues<Severity>().Select(s => new CountRow(s.ToString(), incidents.Count(i => i.Severity == s)))
                .Append(new CountRow(NotSet, incidents.Count(i => i.Severity is null))).ToList(),
            incidents.GroupBy(i => i.Times.Reported.ToLocalMonth(zone)).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountRow(g.Key, g.Count())).ToList(),
            Mean(incidents.Select(i => i.Times.TimeToTriage)),
            Mean(incidents.Select(i => i.Times.TimeToContain)),
            Mean(incidents.Select(i => i.Times.TimeToRecover)),
            Enum.GetValues<IncidentStatus>().Where(s => s != IncidentStatus.Closed)
                .Select(s => new CountRow(s.ToString(), incidents.Count(i => i.Status == s))).ToList(),
            overdueCorrective);

    private static TimeSpan? Mean(IEnumerable<TimeSpan?> spans)
    {
        var known = spans.Where(s => s is not null).Select(s => s!.Value.Ticks).ToList();
        return known.Count == 0 ? null : TimeSpan.FromTicks((long)known.Average());
    }
}
