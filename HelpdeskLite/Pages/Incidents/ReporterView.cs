using HelpdeskLite.Incidents;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Status wording for reporters, which says where the report stands and nothing of the investigation.</summary>
public static class ReporterView
{
    public static string StatusText(IncidentStatus status) => status switch
    {
        IncidentStatus.New => "Received",
        IncidentStatus.Closed => "Closed",
        _ => "Being handled by the security team",
    };
}
