using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

public sealed record IncidentRow(
    long Id, string Number, string Title, IncidentStatus Status, IncidentCategory? Category,
    Severity? Severity, string? OwnerName, DateTime ReportedAt);

/// <summary>
/// The part of a report shown to its reporter: the title they wrote, the reporter wording of the
/// status and when they reported it. Nothing the security team recorded is loaded.
/// </summary>
public sealed record ReporterReport(long Id, string NumberText, string Title, IncidentStatus Status, DateTime ReportedAt);

/// <summary>
/// The incident list's filters. <paramref name="OverdueBefore"/>, when set, keeps open incidents
/// with an unfinished task due before that day, as the Security Officer dashboard counts them.
/// </summary>
public sealed record IncidentFilter(
    string? Q, IncidentStatus? Status, IncidentCategory? Category, Severity? Severity, long? OwnerId,
    bool OpenOnly = false, DateTime? OverdueBefore = null);

public sealed record NamedEntry(TimelineEntry Entry, string? AuthorName);

public sealed record CustodyEvent(DateTime At, string Actor, AuditEvent Action);

public sealed record EvidenceItem(Evidence Evidence, string AddedBy, IReadOnlyList<CustodyEvent> Custody);

public sealed record ObservableItem(Observable Observable, IReadOnlyList<(long Id, string Number)> OtherIncidents);

public sealed record TaskItem(IncidentTask Task, string? OwnerName);

/// <summary>Everything the incident page shows.</summary>
public sealed record IncidentDetails(
    Incident Incident,
    string ReporterName,
    string? OwnerName,
    IReadOnlyList<string> Assets,
    IReadOnlyList<NamedEntry> Timeline,
    IReadOnlyList<EvidenceItem> Evidence,
    IReadOnlyList<TaskItem> Tasks,
    IReadOnlyList<ObservableItem> Observables,
    IReadOnlyList<User> Officers,
    long? SourceTicketNumber);

/// <summary>Reads incidents for pages. Callers check access first.</summary>
public sealed class IncidentQueries(HelpdeskDbFactory dbs)
{
    public const int PageSize = 50;

    public (IReadOnlyList<IncidentRow> Rows, bool HasMore) Search(IncidentFilter filter, int page)
    {
        using var db = dbs.Open();
        var query = db.Incidents.AsQueryable();
        if (filter.OpenOnly || filter.OverdueBefore is not null)
        {
            query = query.Where(i => i.Status != IncidentStatus.Closed);
        }

        if (filter.OverdueBefore is { } day)
        {
            query = query.Where(i => db.IncidentTasks.Any(t => t.IncidentId == i.Id && !t.IsDone && t.DueDate < day));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.Category is { } category)
        {
            query = query.Where(i => i.Category == category);
        }

        if (filter.Severity is { } severity)
        {
            query = query.Where(i => i.Severity == severity);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(i => i.OwnerId == owner);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var number = q.StartsWith(IncidentNames.Prefix, StringComparison.OrdinalIgnoreCase)
                && long.TryParse(q[IncidentNames.Prefix.Length..], out var n) ? n : -1;
            query = query.Where(i => i.Title.Contains(q) || i.Number == number);
        }

        var rows = (from i in query
                    from o in db.Users.LeftJoin(o => o.Id == i.OwnerId)
                    orderby i.ReportedAt descending, i.Id descending
                    select new { i.Id, i.Number, i.Title, i.Status, i.Category, i.Severity, Owner = o.DisplayName, i.ReportedAt })
            .Skip((Math.Max(page, 1) - 1) * PageSize).Take(PageSize + 1).ToList()
            .Select(r => new IncidentRow(r.Id, IncidentNames.Format(r.Number), r.Title, r.Status, r.Category,
                r.Severity, r.Owner, r.ReportedAt)).ToList();
        return (rows.Take(PageSize).ToList(), rows.Count > PageSize);
    }

    public Incident? Find(long id)
    {
        using var db = dbs.Open();
        return db.Incidents.FirstOrDefault(i => i.Id == id);
    }

    public IncidentDetails? Details(long id)
    {
        using var db = dbs.Open();
        var incident = db.Incidents.FirstOrDefault(i => i.Id == id);
        if (incident is null)
        {
            return null;
        }

        var names = db.Users.ToDictionary(u => u.Id, u => u.DisplayName);
        string? Name(long? userId) => userId is { } key && names.TryGetValue(key, out var n) ? n : null;
        var timeline = db.IncidentTimeline.Where(e => e.IncidentId == id)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToList()
            .Select(e => new NamedEntry(e, Name(e.AuthorId))).ToList();
        var evidence = db.IncidentEvidence.Where(e => e.IncidentId == id).OrderBy(e => e.Id).ToList();
        var keys = evidence.Select(e => IncidentJournal.Key(e.Id)).ToList();
        var custody = db.GetTable<AuditEntry>()
            .Where(a => a.EntityType == IncidentJournal.EvidenceEntity && keys.Contains(a.EntityId))
            .OrderBy(a => a.Sequence).ToList();
        var observables = db.IncidentObservables.Where(o => o.IncidentId == id).OrderBy(o => o.Id).ToList();
        var values = observables.Select(o => o.NormalizedValue).Distinct().ToList();
        var related = (from o in db.IncidentObservables
                       join i in db.Incidents on o.IncidentId equals i.Id
                       where values.Contains(o.NormalizedValue) && o.IncidentId != id
                       select new { o.Kind, o.NormalizedValue, i.Id, i.Number }).ToList();
        return new IncidentDetails(
            incident,
            Name(incident.ReporterId) ?? "unknown",
            Name(incident.OwnerId),
            db.IncidentAssets.Where(a => a.IncidentId == id).OrderBy(a => a.Id).Select(a => a.Name).ToList(),
            timeline,
            evidence.Select(e => new EvidenceItem(e, Name(e.AddedById) ?? "unknown",
                custody.Where(a => a.EntityId == IncidentJournal.Key(e.Id))
                    .Select(a => new CustodyEvent(a.OccurredAt, a.ActorName, a.Action)).ToList())).ToList(),
            db.IncidentTasks.Where(t => t.IncidentId == id).OrderBy(t => t.Kind).ThenBy(t => t.Id).ToList()
                .Select(t => new TaskItem(t, Name(t.OwnerId))).ToList(),
            observables.Select(o => new ObservableItem(o, related
                .Where(r => r.Kind == o.Kind && r.NormalizedValue == o.NormalizedValue)
                .Select(r => (r.Id, IncidentNames.Format(r.Number))).Distinct().ToList())).ToList(),
            db.Users.Where(u => u.IsActive && (u.Role == Role.SecurityOfficer || u.Role == Role.Admin))
                .OrderBy(u => u.DisplayName).ToList(),
            incident.SourceTicketId is { } ticketId
                ? db.Tickets.Where(t => t.Id == ticketId).Select(t => (long?)t.Number).FirstOrDefault()
                : null);
    }

    /// <summary>Finds every incident that has an observable with this value, whatever its kind.</summary>
    public IReadOnlyList<(long Id, string Number, string Title, ObservableKind Kind)> FindObservable(string? value)
    {
        var raw = Observables.Refang((value ?? "").Trim());
        if (raw.Length == 0)
        {
            return [];
        }

        var candidates = Enum.GetValues<ObservableKind>()
            .Select(k => Observables.Normalize(k, raw).Normalized).OfType<string>().Append(raw).Distinct().ToList();
        using var db = dbs.Open();
        return (from o in db.IncidentObservables
                join i in db.Incidents on o.IncidentId equals i.Id
                where candidates.Contains(o.NormalizedValue)
                orderby i.Number descending
                select new { i.Id, i.Number, i.Title, o.Kind }).ToList()
            .Select(r => (r.Id, IncidentNames.Format(r.Number), r.Title, r.Kind)).Distinct().ToList();
    }

    /// <summary>The reporter's own reports, newest first.</summary>
    /// <summary>
    /// The reports a user filed themself, newest first. A converted ticket's requester is recorded
    /// as the reporter but follows their ticket instead, so those incidents are left out.
    /// </summary>
    public IReadOnlyList<ReporterReport> ReportsOf(long userId)
    {
        using var db = dbs.Open();
        return ToReporterReports(OwnReports(db, userId).OrderByDescending(i => i.ReportedAt)).ToList();
    }

    /// <summary>One of the user's own reports, or null when it is not theirs or was converted from a ticket.</summary>
    public ReporterReport? ReportOf(long userId, long incidentId)
    {
        using var db = dbs.Open();
        return ToReporterReports(OwnReports(db, userId).Where(i => i.Id == incidentId)).FirstOrDefault();
    }

    private static IQueryable<Incident> OwnReports(HelpdeskDb db, long userId) =>
        db.Incidents.Where(i => i.ReporterId == userId && i.SourceTicketId == null);

    private static IQueryable<ReporterReport> ToReporterReports(IQueryable<Incident> incidents) =>
        incidents.Select(i => new ReporterReport(i.Id, IncidentNames.Format(i.Number), i.ReportedTitle, i.Status, i.ReportedAt));

    /// <summary>Messages addressed to the reporter, oldest first; nothing else of the timeline.</summary>
    public IReadOnlyList<TimelineEntry> MessagesToReporter(long incidentId)
    {
        using var db = dbs.Open();
        return db.IncidentTimeline.Where(e => e.IncidentId == incidentId && e.Kind == TimelineKind.MessageToReporter)
            .OrderBy(e => e.RecordedAt).ToList();
    }

    public IReadOnlyList<(IncidentTask Task, string Number)> OpenTasksOf(long userId)
    {
        using var db = dbs.Open();
        return (from t in db.IncidentTasks
                join i in db.Incidents on t.IncidentId equals i.Id
                where t.OwnerId == userId && !t.IsDone
                orderby t.DueDate
                select new { t, i.Number }).ToList()
            .Select(r => (r.t, IncidentNames.Format(r.Number))).ToList();
    }
}
