using HelpdeskLite.Auth;
using HelpdeskLite.Hosting;
using HelpdeskLite.Reports;
using HelpdeskLite.Tickets;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Reports;

/// <summary>
/// The ticket and incident reports for a date range, as a page and as Excel downloads. What a
/// person sees follows the report rules of their role; the incident report answers 404 to roles
/// that may not see incidents.
/// </summary>
public sealed class IndexModel(ReportQueries queries, ReportExports exports, TimeProvider clock) : PageModel
{
    private string kind = "tickets";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [BindProperty(SupportsGet = true)]
    public string Kind
    {
        get => kind;
        set => kind = value == "incidents" ? value : "tickets";
    }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public RequestType? Type { get; set; }

    [BindProperty(SupportsGet = true)]
    public Priority? Priority { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Assignee { get; set; }

    public ReportFilter Filter { get; private set; } = new(default, default);

    public string? Error { get; private set; }

    public TicketReportResult? Tickets { get; private set; }

    public IncidentReportResult? Incidents { get; private set; }

    public IReadOnlyList<(long Id, string Name)> Agents { get; private set; } = [];

    public bool IsIncidents => Kind == "incidents";

    public bool MaySeeIncidents => ReportQueries.MaySeeIncidents(HttpContext.GetCurrentUser());

    public IActionResult OnGet()
    {
        var viewer = HttpContext.GetCurrentUser();
        if (IsIncidents && !MaySeeIncidents)
        {
            return NotFound();
        }

        if (!Prepare(viewer))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (IsIncidents)
        {
            var today = DateOnly.FromDateTime(clock.UtcNowMicroseconds().ToLocal(viewer.Zone));
            Incidents = IncidentReport.Compute(queries.IncidentFacts(Filter, viewer.Zone), viewer.Zone,
                queries.OverdueCorrectiveActions(Filter, viewer.Zone, today));
        }
        else
        {
            var names = queries.UserNames();
            Tickets = TicketReport.Compute(queries.TicketFacts(viewer, Filter, viewer.Zone), viewer.Zone,
                clock.GetUtcNow().UtcDateTime, id => names.TryGetValue(id, out var name) ? name : $"#{id}");
        }

        return Page();
    }

    /// <summary>Downloads the report workbook ("report") or the raw list ("list") for the filters.</summary>
    public IActionResult OnGetExport(string what)
    {
        var viewer = HttpContext.GetCurrentUser();
        if (IsIncidents && !MaySeeIncidents)
        {
            return NotFound();
        }

        if (!Prepare(viewer))
        {
            return BadRequest(Error ?? "Invalid report filters.");
        }

        var actor = HttpContext.AuditActor();
        var (file, name) = (IsIncidents, what) switch
        {
            (false, "report") => exports.TicketReportFile(viewer, Filter, actor),
            (false, "list") => exports.TicketListFile(viewer, Filter, actor),
            (true, "report") => exports.IncidentReportFile(viewer, Filter, actor),
            (true, "list") => exports.IncidentListFile(viewer, Filter, actor),
            _ => (Stream.Null, ""),
        };
        if (name.Length == 0)
        {
            return NotFound();
        }

        return File(file, XlsxType, name);
    }

    public string ExportUrl(string what) => $"/reports?handler=export&what={what}&kind={Kind}&{Filter.ToQuery()}";

    /// <summary>Builds the filter from the query; false with <see cref="Error"/> set when it is invalid.</summary>
    private bool Prepare(CurrentUser viewer)
    {
        var today = DateOnly.FromDateTime(clock.UtcNowMicroseconds().ToLocal(viewer.Zone));
        Filter = new ReportFilter(From ?? new DateOnly(today.Year, today.Month, 1), To ?? today,
            IsIncidents ? null : Type, IsIncidents ? null : Priority, viewer.Role == Data.Role.User ? null : Assignee);
        if (viewer.IsStaff)
        {
            Agents = queries.Agents();
        }

        var unreadable = new[] { nameof(From), nameof(To) }
            .Where(key => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            .ToList();
        Error = unreadable.Count == 0
            ? Filter.Validate()
            : $"These filters are invalid: {string.Join(", ", unreadable)}. Dates are written yyyy-MM-dd.";
        return Error is null;
    }
}
