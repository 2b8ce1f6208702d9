using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Reports;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Pages.Reports;

/// <summary>One row of the raw ticket export.</summary>
public sealed record TicketExportRow(
    long Number, string Subject, RequestType Type, Priority Priority, TicketStatus Status,
    long RequesterId, long? AssigneeId, DateTime CreatedAt, DateTime? FirstResponseAt,
    DateTime? ResolvedAt, DateTime? ClosedAt, SlaState SlaState);

/// <summary>
/// Loads what reports and exports count, limited to what the viewer may see: a User only their
/// own tickets, IT Support and Security Officers every ticket, incidents only Security Officers
/// and Admins.
/// </summary>
public sealed class ReportQueries(HelpdeskDbFactory dbs)
{
    public const int ExportBatch = 5_000;

    public static bool MaySeeIncidents(CurrentUser viewer) => viewer.Role is Role.SecurityOfficer or Role.Admin;

    public IReadOnlyList<TicketFacts> TicketFacts(CurrentUser viewer, ReportFilter filter, TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        var tickets = Tickets(db, viewer, filter, zone);
        var reopened =
            from e in db.TicketEvents
            where e.Kind == TicketEventKind.StatusChanged && e.FromValue == "Resolved" && e.ToValue == "In Progress"
            select e.TicketId;
        return tickets
            .Select(t => new TicketFacts(t.Id, t.RequestType, t.Priority, t.Status, t.AssigneeId, t.CreatedAt,
                t.FirstResponseAt, t.FirstResponseBreachedAt, t.ResolvedAt, t.ResolutionBreachedAt,
                reopened.Contains(t.Id)))
            .ToList();
    }

    /// <summary>
    /// Streams the filtered tickets in batches ordered by id, so memory stays flat. The next batch
    /// is read on another thread while the caller writes the current one.
    /// </summary>
    public IEnumerable<TicketExportRow> StreamTickets(CurrentUser viewer, ReportFilter filter, TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        var pending = Task.Run(() => TicketBatch(db, viewer, filter, zone, 0));
        try
        {
            while (true)
            {
                var batch = pending.GetAwaiter().GetResult();
                if (batch.Count == ExportBatch)
                {
                    var last = batch[^1].Id;
                    pending = Task.Run(() => TicketBatch(db, viewer, filter, zone, last));
                }

                foreach (var item in batch)
                {
                    yield return item.Row;
                }

                if (batch.Count < ExportBatch)
                {
                    yield break;
                }
            }
        }
        finally
        {
            // Waits for a read ahead before the connection closes. Its error is not rethrown, so it
            // cannot hide the exception that ended the loop.
            pending.ContinueWith(static _ => { }, TaskScheduler.Default).Wait();
        }
    }

    private List<(long Id, TicketExportRow Row)> TicketBatch(
        HelpdeskDb db, CurrentUser viewer, ReportFilter filter, TimeZoneInfo zone, long after) =>
        Tickets(db, viewer, filter, zone)
            .Where(t => t.Id > after)
            .OrderBy(t => t.Id)
            .Take(ExportBatch)
            .Select(t => new { t.Id, Row = new TicketExportRow(t.Number, t.Subject, t.RequestType, t.Priority,
                t.Status, t.RequesterId, t.AssigneeId, t.CreatedAt, t.FirstResponseAt, t.ResolvedAt,
                t.ClosedAt, t.SlaState) })
            .AsEnumerable()
            .Select(t => (t.Id, t.Row))
            .ToList();

    public IReadOnlyList<HelpdeskLite.Reports.IncidentFacts> IncidentFacts(ReportFilter filter, TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        return Incidents(db, filter, zone).ToList()
            .Select(i => new HelpdeskLite.Reports.IncidentFacts(i.Id, i.Category, i.Severity, i.Status, KeyTimes.From(i)))
            .ToList();
    }

    /// <summary>Counts open corrective tasks past their due date on incidents reported in the range.</summary>
    public int OverdueCorrectiveActions(ReportFilter filter, TimeZoneInfo zone, DateOnly today)
    {
        using var db = dbs.Open();
        var due = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var incidents = Incidents(db, filter, zone).Select(i => i.Id);
        return db.IncidentTasks.Count(t => t.Kind == IncidentTaskKind.Corrective && !t.IsDone
            && t.DueDate < due && incidents.Contains(t.IncidentId));
    }

    public IReadOnlyList<Incident> IncidentList(ReportFilter filter, TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        return Incidents(db, filter, zone).OrderBy(i => i.Number).ToList();
    }

    public Dictionary<long, string> UserNames()
    {
        using var db = dbs.Open();
        return db.Users.Select(u => new { u.Id, u.DisplayName }).ToDictionary(u => u.Id, u => u.DisplayName);
    }

    public IReadOnlyList<(long Id, string Name)> Agents()
    {
        using var db = dbs.Open();
        return db.Users.Where(u => u.Role == Role.ItSupport || u.Role == Role.Admin)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .AsEnumerable()
            .Select(u => (u.Id, u.DisplayName))
            .ToList();
    }

    private static IQueryable<Ticket> Tickets(HelpdeskDb db, CurrentUser viewer, ReportFilter filter, TimeZoneInfo zone)
    {
        var (start, end) = filter.UtcRange(zone);
        var query = db.Tickets.Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        if (viewer.Role == Role.User)
        {
            query = query.Where(t => t.RequesterId == viewer.Id);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(t => t.RequestType == type);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }

        if (filter.AssigneeId is { } assignee)
        {
            query = query.Where(t => t.AssigneeId == assignee);
        }

        return query;
    }

    private static IQueryable<Incident> Incidents(HelpdeskDb db, ReportFilter filter, TimeZoneInfo zone)
    {
        var (start, end) = filter.UtcRange(zone);
        return db.Incidents.Where(i => i.ReportedAt >= start && i.ReportedAt < end);
    }
}
