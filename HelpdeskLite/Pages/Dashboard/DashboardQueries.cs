using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Reports.Charts;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Pages.Dashboard;

public sealed record MyReport(long Id, string Number, IncidentStatus Status);

public sealed record UserPanel(int OpenTickets, int WaitingForMe, IReadOnlyList<MyReport> Reports);

public sealed record AgentPanel(
    IReadOnlyList<Bar> ByStatus, int AssignedToMe, IReadOnlyList<Bar> UnassignedByAge, int BreachingSoon, int Breached);

public sealed record SecurityPanel(
    IReadOnlyList<Bar> ByPhase, IReadOnlyList<Bar> BySeverity, TimeSpan? MeanTimeToContain,
    int ContainedThisMonth, int OverdueTasks, int IncidentsWithOverdueTasks, int NewReports);

/// <summary>
/// Reads the numbers of the role dashboards. Every query counts on an index, and open tickets
/// are counted per open status so the closed history, most of the table, is never scanned.
/// </summary>
public sealed class DashboardQueries(HelpdeskDbFactory dbs, TimeProvider clock)
{
    public static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.New, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.WaitingForUser];


    public UserPanel ForUser(long userId)
    {
        using var db = dbs.Open();
        var open = db.Tickets.Count(t => t.RequesterId == userId && OpenStatuses.Contains(t.Status));
        var waiting = db.Tickets.Count(t => t.RequesterId == userId && t.Status == TicketStatus.WaitingForUser);
        // A converted ticket's requester is recorded as the reporter but has no status view of
        // the incident, so only reports they filed themselves are listed.
        var reports = db.Incidents.Where(i => i.ReporterId == userId && i.SourceTicketId == null)
            .OrderByDescending(i => i.ReportedAt)
            .Take(10)
            .Select(i => new MyReport(i.Id, IncidentNames.Format(i.Number), i.Status))
            .ToList();
        return new UserPanel(open, waiting, reports);
    }

    public AgentPanel ForAgent(long userId)
    {
        using var db = dbs.Open();
        var now = clock.GetUtcNow().UtcDateTime;
        var byStatus = OpenStatuses
            .Select(s => new Bar(s.Display(), db.Tickets.Count(t => t.Status == s), $"/tickets?status={s}"))
            .ToList();
        var mine = db.Tickets.Count(t => t.AssigneeId == userId && OpenStatuses.Contains(t.Status));
        var unassigned = new List<Bar>();
        foreach (var (key, label, from, to) in TicketFilter.AgeBands)
        {
            // The same tickets as the queue's unassigned view with this age band.
            var newest = now.AddDays(-from);
            DateTime? oldest = to is { } days ? now.AddDays(-days) : null;
            var count = db.Tickets.Count(t => t.AssigneeId == null && OpenStatuses.Contains(t.Status)
                && t.CreatedAt < newest && (oldest == null || t.CreatedAt >= oldest));
            unassigned.Add(new Bar(label, count, $"/tickets?view=unassigned&age={key}"));
        }

        var soon = db.Tickets.Count(t => t.SlaState == SlaState.AtRisk && OpenStatuses.Contains(t.Status));
        var breached = db.Tickets.Count(t => t.SlaState == SlaState.Breached && OpenStatuses.Contains(t.Status));
        return new AgentPanel(byStatus, mine, unassigned, soon, breached);
    }

    public SecurityPanel ForSecurity(TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        var now = clock.GetUtcNow().UtcDateTime;
        var byPhase = Enum.GetValues<IncidentStatus>().Where(s => s != IncidentStatus.Closed)
            .Select(s => new Bar(s.ToString(), db.Incidents.Count(i => i.Status == s), $"/incidents?status={s}"))
            .ToList();
        var bySeverity = Enum.GetValues<Severity>()
            .Select(s => new Bar(s.ToString(),
                db.Incidents.Count(i => i.Severity == s && i.Status != IncidentStatus.Closed), $"/incidents?severity={s}&open=true"))
            .ToList();

        var local = TimeZoneInfo.ConvertTimeFromUtc(now, zone);
        var monthStart = TimeZoneInfo.ConvertTimeToUtc(new DateTime(local.Year, local.Month, 1), zone);
        var contained = db.Incidents.Where(i => i.ContainedAt >= monthStart && i.ContainedAt <= now)
            .ToList()
            .Select(i => KeyTimes.From(i).TimeToContain)
            .OfType<TimeSpan>()
            .ToList();
        TimeSpan? mean = contained.Count == 0
            ? null
            : TimeSpan.FromTicks((long)contained.Average(c => c.Ticks));
        var today = DateTime.SpecifyKind(local.Date, DateTimeKind.Utc);
        // Unfinished tasks due before today on open incidents; the incident list's overdue filter keeps the same.
        var overdueTasks = (from t in db.IncidentTasks
                            join i in db.Incidents on t.IncidentId equals i.Id
                            where !t.IsDone && t.DueDate < today && i.Status != IncidentStatus.Closed
                            select t.IncidentId).ToList();
        var fresh = db.Incidents.Count(i => i.Status == IncidentStatus.New);
        return new SecurityPanel(byPhase, bySeverity, mean, contained.Count, overdueTasks.Count, overdueTasks.Distinct().Count(), fresh);
    }
}
