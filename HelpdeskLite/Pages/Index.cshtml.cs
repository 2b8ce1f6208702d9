using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Dashboard;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages;

/// <summary>The start page: the dashboard of the signed-in person's role.</summary>
public sealed class IndexModel(DashboardQueries dashboards, SystemHealth health) : PageModel
{
    public UserPanel? Own { get; private set; }

    public AgentPanel? Agent { get; private set; }

    public SecurityPanel? Security { get; private set; }

    public HealthReport? Health { get; private set; }

    public void OnGet()
    {
        var user = HttpContext.GetCurrentUser();
        if (user.Role == Role.User)
        {
            Own = dashboards.ForUser(user.Id);
        }

        if (user.Role is Role.ItSupport or Role.Admin)
        {
            Agent = dashboards.ForAgent(user.Id);
        }

        if (user.Role is Role.SecurityOfficer or Role.Admin)
        {
            Security = dashboards.ForSecurity(user.Zone);
        }

        if (user.Role == Role.Admin)
        {
            Health = health.Check();
        }
    }
}
