using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Reports;
using HelpdeskLite.Reports.Excel;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Reports;

/// <summary>
/// Writes the report workbooks and the raw list exports to a temporary file that deletes itself
/// when closed, and records each export in the audit log with its filters and row count.
/// </summary>
public sealed class ReportExports(ReportQueries queries, HelpdeskDbFactory dbs, AuditLog audit, TimeProvider clock)
{
    public const string TicketReportName = "ticket report";
    public const string IncidentReportName = "incident report";
    public const string TicketListName = "ticket list";
    public const string IncidentListName = "incident list";

    public (Stream File, string FileName) TicketReportFile(CurrentUser viewer, ReportFilter filter, AuditActor actor)
    {
        var names = queries.UserNames();
        var facts = queries.TicketFacts(viewer, filter, viewer.Zone);
        var result = TicketReport.Compute(facts, viewer.Zone, clock.GetUtcNow().UtcDateTime, id => Name(names, id));
        var file = TemporaryFile();
        using (var workbook = new ReportWorkbook(Summary(TicketReportName, viewer, filter, names)))
        {
            TicketReportSheets.Add(workbook, result);
            workbook.SaveAs(file);
        }

        return Finish(file, TicketReportName, "ticket-report", viewer, filter, actor, facts.Count);
    }

    public (Stream File, string FileName) IncidentReportFile(CurrentUser viewer, ReportFilter filter, AuditActor actor)
    {
        var facts = queries.IncidentFacts(filter, viewer.Zone);
        var overdue = queries.OverdueCorrectiveActions(filter, viewer.Zone, Today(viewer));
        var result = IncidentReport.Compute(facts, viewer.Zone, overdue);
        var file = TemporaryFile();
        using (var workbook = new ReportWorkbook(Summary(IncidentReportName, viewer, filter, null)))
        {
            IncidentReportSheets.Add(workbook, result);
            workbook.SaveAs(file);
        }

        return Finish(file, IncidentReportName, "incident-report", viewer, filter, actor, facts.Count);
    }

    public (Stream File, string FileName) TicketListFile(CurrentUser viewer, ReportFilter filter, AuditActor actor)
    {
        var names = queries.UserNames();
        var file = TemporaryFile();
        long rows;
        using (var sheet = new XlsxStreamWriter(file, "Tickets", TicketListColumns(viewer.Zone),
            Summary(TicketListName, viewer, filter, names)))
        {
            WriteTicketRows(sheet, queries.StreamTickets(viewer, filter, viewer.Zone), viewer.Zone, names);
            rows = sheet.RowsWritten;
        }

        return Finish(file, TicketListName, "tickets", viewer, filter, actor, rows);
    }

    public (Stream File, string FileName) IncidentListFile(CurrentUser viewer, ReportFilter filter, AuditActor actor)
    {
        var names = queries.UserNames();
        var file = TemporaryFile();
        long rows;
        using (var sheet = new XlsxStreamWriter(file, "Incidents", IncidentListColumns(viewer.Zone),
            Summary(IncidentListName, viewer, filter, null)))
        {
            foreach (var i in queries.IncidentList(filter, viewer.Zone))
            {
                var times = KeyTimes.From(i);
                sheet.WriteRow(i.NumberText, i.Title, i.Category?.Display(), i.Severity?.ToString(), i.Status.ToString(),
                    Name(names, i.ReporterId), i.OwnerId is { } owner ? Name(names, owner) : null,
                    Local(i.ReportedAt, viewer.Zone), Local(i.TriagedAt, viewer.Zone), Local(i.ContainedAt, viewer.Zone),
                    Local(i.RecoveredAt, viewer.Zone), Local(i.ClosedAt, viewer.Zone),
                    times.TimeToTriage, times.TimeToContain, times.TimeToRecover);
            }

            rows = sheet.RowsWritten;
        }

        return Finish(file, IncidentListName, "incidents", viewer, filter, actor, rows);
    }

    public static XlsxColumn[] TicketListColumns(TimeZoneInfo zone) =>
    [
        new("Number", 10), new("Subject", 48), new("Request type", 22), new("Priority", 10), new("Status", 17),
        new("Requester", 24), new("Assignee", 24), new($"Created ({zone.Id})", 20),
        new("First response", 20), new("Resolved", 20), new("Closed", 20), new("SLA", 10), new("Time to resolve", 16),
    ];

    /// <summary>Writes ticket rows to a streamed sheet; shared with the export benchmark.</summary>
    public static void WriteTicketRows(
        XlsxStreamWriter sheet, IEnumerable<TicketExportRow> tickets, TimeZoneInfo zone, IReadOnlyDictionary<long, string> names)
    {
        foreach (var t in tickets)
        {
            sheet.WriteRow(TicketNames.Format(t.Number), t.Subject, t.Type.Display(), t.Priority.ToString(),
                t.Status.Display(), Name(names, t.RequesterId), t.AssigneeId is { } a ? Name(names, a) : null,
                Local(t.CreatedAt, zone), Local(t.FirstResponseAt, zone), Local(t.ResolvedAt, zone),
                Local(t.ClosedAt, zone), t.SlaState.Display(), t.ResolvedAt - t.CreatedAt);
        }
    }

    private static XlsxColumn[] IncidentListColumns(TimeZoneInfo zone) =>
    [
        new("Number", 11), new("Title", 48), new("Category", 20), new("Severity", 10), new("Status", 14),
        new("Reporter", 24), new("Owner", 24), new($"Reported ({zone.Id})", 20), new("Triaged", 20),
        new("Contained", 20), new("Recovered", 20), new("Closed", 20),
        new("Time to triage", 15), new("Time to contain", 15), new("Time to recover", 15),
    ];

    private (Stream, string) Finish(
        FileStream file, string report, string slug, CurrentUser viewer, ReportFilter filter, AuditActor actor, long rows)
    {
        using (var db = dbs.Open())
        using (var transaction = db.BeginTransaction())
        {
            audit.Append(db, actor, AuditEvent.Export_Downloaded, "report", slug, new
            {
                report,
                filters = filter.Describe().ToDictionary(p => p.Key, p => p.Value),
                scope = viewer.Role == Role.User ? "own tickets" : "all",
                rows,
                zone = viewer.Zone.Id,
            });
            transaction.Commit();
        }

        file.Position = 0;
        var stamp = clock.UtcNowMicroseconds().ToLocal(viewer.Zone).ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture);
        return (file, $"{slug}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}-{stamp}.xlsx");
    }

    private ReportSummary Summary(string report, CurrentUser viewer, ReportFilter filter, Dictionary<long, string>? names)
    {
        var filters = filter.Describe(id => names is null ? id.ToString(CultureInfo.InvariantCulture) : Name(names, id)).ToList();
        if (viewer.Role == Role.User)
        {
            filters.Add(new("Scope", "Only tickets you filed"));
        }

        return new ReportSummary(report, $"{viewer.DisplayName} ({viewer.Username})", clock.UtcNowMicroseconds(), viewer.Zone, filters);
    }

    private DateOnly Today(CurrentUser viewer) => DateOnly.FromDateTime(clock.UtcNowMicroseconds().ToLocal(viewer.Zone));

    private static DateTime? Local(DateTime? utc, TimeZoneInfo zone) => utc?.ToLocal(zone);

    private static string Name(IReadOnlyDictionary<long, string> names, long id) =>
        names.TryGetValue(id, out var name) ? name : $"#{id}";

    private static FileStream TemporaryFile() =>
        new(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
}
