namespace HelpdeskLite.Pages.Incidents;

/// <summary>The reports the signed-in user filed, with their status only.</summary>
public sealed class MineModel(IncidentQueries queries) : IncidentPageModel
{
    public IReadOnlyList<ReporterReport> Reports { get; private set; } = [];

    public void OnGet() => Reports = queries.ReportsOf(Viewer.Id);
}
