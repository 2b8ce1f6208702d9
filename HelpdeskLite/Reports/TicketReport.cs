using System.Globalization;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Reports;

/// <summary>The facts of one ticket that the ticket report counts.</summary>
public sealed record TicketFacts(
    long Id,
    RequestType Type,
    Priority Priority,
    TicketStatus Status,
    long? AssigneeId,
    DateTime CreatedAt,
    DateTime? FirstResponseAt,
    DateTime? FirstResponseBreachedAt,
    DateTime? ResolvedAt,
    DateTime? ResolutionBreachedAt,
    bool Reopened);

public sealed record CountRow(string Label, int Count);

/// <summary>
/// SLA outcomes of one group. A target counts once it is decided: met when the response or
/// resolution came without a breach, missed when a breach was recorded.
/// </summary>
public sealed record ComplianceRow(string Label, int ResponseDecided, int ResponseMet, int ResolutionDecided, int ResolutionMet)
{
    public double? ResponsePercent => ResponseDecided == 0 ? null : (double)ResponseMet / ResponseDecided;

    public double? ResolutionPercent => ResolutionDecided == 0 ? null : (double)ResolutionMet / ResolutionDecided;
}

public sealed record TicketReportResult(
    int Total,
    IReadOnlyList<CountRow> ByType,
    IReadOnlyList<CountRow> ByPriority,
    IReadOnlyList<CountRow> ByMonth,
    IReadOnlyList<ComplianceRow> SlaByPriority,
    IReadOnlyList<ComplianceRow> SlaByType,
    IReadOnlyList<ComplianceRow> SlaByAgent,
    IReadOnlyList<ComplianceRow> SlaByMonth,
    IReadOnlyList<CountRow> BacklogByAge,
    int Resolved,
    TimeSpan? MeanTimeToResolve,
    TimeSpan? MedianTimeToResolve,
    int Reopened,
    double? ReopenRate);

/// <summary>Computes the ticket report from the tickets filed in the range; pure, so tests can check it by hand.</summary>
public static class TicketReport
{
    /// <summary>Backlog age bands in days: label, lower bound, upper bound (exclusive).</summary>
    public static readonly (string Label, int From, int? To)[] AgeBands =
        [("Under 1 day", 0, 1), ("1–7 days", 1, 7), ("7–30 days", 7, 30), ("Over 30 days", 30, null)];

    public static TicketReportResult Compute(
        IReadOnlyList<TicketFacts> tickets, TimeZoneInfo zone, DateTime nowUtc, Func<long, string> agentName)
    {
        string Month(TicketFacts t) => t.CreatedAt.ToLocalMonth(zone);

        var resolveTimes = tickets.Where(t => t.ResolvedAt is not null)
            .Select(t => t.ResolvedAt!.Value - t.CreatedAt)
            .Order()
            .ToList();
        var everResolved = tickets.Count(t => t.ResolvedAt is not null || t.Reopened);
        var reopened = tickets.Count(t => t.Reopened);

        return new TicketReportResult(
            tickets.Count,
            Enum.GetValues<RequestType>().Select(type => new CountRow(type.Display(), tickets.Count(t => t.Type == type))).ToList(),
            Enum.GetValues<Priority>().Select(p => new CountRow(p.ToString(), tickets.Count(t => t.Priority == p))).ToList(),
            tickets.GroupBy(Month).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new CountRow(g.Key, g.Count())).ToList(),
            Enum.GetValues<Priority>().Select(p => Compliance(p.ToString(), tickets.Where(t => t.Priority == p))).ToList(),
            Enum.GetValues<RequestType>().Select(type => Compliance(type.Display(), tickets.Where(t => t.Type == type))).ToList(),
            tickets.Where(t => t.AssigneeId is not null).GroupBy(t => t.AssigneeId!.Value)
                .Select(g => Compliance(agentName(g.Key), g))
                .OrderBy(r => r.Label, StringComparer.CurrentCulture).ToList(),
            tickets.GroupBy(Month).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => Compliance(g.Key, g)).ToList(),
            Backlog(tickets, nowUtc),
            resolveTimes.Count,
            resolveTimes.Count == 0 ? null : TimeSpan.FromTicks((long)resolveTimes.Average(s => s.Ticks)),
            Median(resolveTimes),
            reopened,
            everResolved == 0 ? null : (double)reopened / everResolved);
    }

    /// <summary>Returns the month as "yyyy-MM" in the zone, such as "2026-03".</summary>
    public static string ToLocalMonth(this DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone)
            .ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static ComplianceRow Compliance(string label, IEnumerable<TicketFacts> group)
    {
        int responseDecided = 0, responseMet = 0, resolutionDecided = 0, resolutionMet = 0;
        foreach (var t in group)
        {
            if (t.FirstResponseBreachedAt is not null)
            {
                responseDecided++;
            }
            else if (t.FirstResponseAt is not null)
            {
                responseDecided++;
                responseMet++;
            }

            if (t.ResolutionBreachedAt is not null)
            {
                resolutionDecided++;
            }
            else if (t.ResolvedAt is not null)
            {
                resolutionDecided++;
                resolutionMet++;
            }
        }

        return new ComplianceRow(label, responseDecided, responseMet, resolutionDecided, resolutionMet);
    }

    private static List<CountRow> Backlog(IReadOnlyList<TicketFacts> tickets, DateTime nowUtc)
    {
        var open = tickets.Where(t => t.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
            .Select(t => (nowUtc - t.CreatedAt).TotalDays)
            .ToList();
        return AgeBands.Select(band => new CountRow(band.Label,
            open.Count(days => days >= band.From && (band.To is not { } to || days < to)))).ToList();
    }

    private static TimeSpan? Median(List<TimeSpan> sorted) =>
        sorted.Count == 0 ? null
        : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2]
        : TimeSpan.FromTicks((sorted[(sorted.Count / 2) - 1].Ticks + sorted[sorted.Count / 2].Ticks) / 2);
}
