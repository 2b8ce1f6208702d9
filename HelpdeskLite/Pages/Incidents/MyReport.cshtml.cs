using HelpdeskLite.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The status view of one of the user's own reports, with the messages addressed to them.</summary>
public sealed class MyReportModel(IncidentQueries queries) : IncidentPageModel
{
    public ReporterReport Report { get; private set; } = null!;

    public IReadOnlyList<TimelineEntry> Messages { get; private set; } = [];

    public bool JustReported { get; private set; }

    public IActionResult OnGet(long id, int? reported)
    {
        if (queries.ReportOf(Viewer.Id, id) is not { } report)
        {
            return NotFound();
        }

        Report = report;
        Messages = queries.MessagesToReporter(id);
        JustReported = reported == 1;
        return Page();
    }
}
