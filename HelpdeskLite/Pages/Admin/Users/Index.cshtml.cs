using System.Globalization;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(UserQueries users, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool? Active { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public UserPage Result { get; private set; } = new([], 1, false);

    public DateTime Now => clock.UtcNowMicroseconds();

    public IActionResult OnGet()
    {
        Result = users.Search(Q, Role, Active, PageNumber);
        return this.PageOrFragment("_UserList");
    }

    public string Local(DateTime utc) =>
        utc.ToLocal(HttpContext.GetCurrentUser().Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["role"] = Role?.ToString(),
            ["active"] = Active?.ToString().ToLowerInvariant(),
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent().Insert(0, "/admin/users");
}
