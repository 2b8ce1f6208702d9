using System.Globalization;
using HelpdeskLite.Auth;
using HelpdeskLite.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Time formatting shared by the incident pages: always in the viewer's zone, with its offset.</summary>
public abstract class IncidentPageModel : PageModel
{
    public CurrentUser Viewer => HttpContext.GetCurrentUser();

    public string Local(DateTime? utc)
    {
        if (utc is not { } value)
        {
            return "-";
        }

        var zone = Viewer.Zone;
        var local = value.ToLocal(zone);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)
            + $" (UTC{sign}{offset.Duration():hh\\:mm})";
    }

    public string InputValue(DateTime? utc) => HelpdeskLite.Incidents.LocalTimeInput.ToInput(utc, Viewer.Zone);
}
