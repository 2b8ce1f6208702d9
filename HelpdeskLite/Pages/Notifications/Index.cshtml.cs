using System.Globalization;
using HelpdeskLite.Auth;
using HelpdeskLite.Hosting;
using HelpdeskLite.Web;
using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Notifications;

public sealed class IndexModel(NotificationQueries queries, NotificationCommands commands) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unread { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public NotificationPage Result { get; private set; } = new([], 1, false);

    public IActionResult OnGet()
    {
        Result = queries.List(HttpContext.GetCurrentUser(), Unread, PageNumber);
        return this.PageOrFragment("_NotificationList");
    }

    public IActionResult OnGetBell() => Partial("_Bell");

    public IActionResult OnPostRead(long id)
    {
        if (FilterFailedToBind)
        {
            return BadRequest();
        }

        if (!commands.MarkRead(HttpContext.GetCurrentUser().Id, id))
        {
            return NotFound();
        }

        return AfterChange();
    }

    public IActionResult OnPostReadAll()
    {
        if (FilterFailedToBind)
        {
            return BadRequest();
        }

        commands.MarkAllRead(HttpContext.GetCurrentUser().Id);
        return AfterChange();
    }

    // An unread filter that failed to bind would otherwise be ignored while the change still went
    // through. The whole ModelState cannot be checked, because Razor Pages' own "page" route value
    // (the page path) always fails to bind to PageNumber.
    private bool FilterFailedToBind =>
        ModelState.GetFieldValidationState(nameof(Unread)) == ModelValidationState.Invalid;

    /// <summary>Returns the refreshed list to htmx, and redirects a plain form post (post/redirect/get).</summary>
    private IActionResult AfterChange() => Request.IsHtmx() ? OnGet() : Redirect(PageUrl(1));

    public string Local(DateTime utc) =>
        utc.ToLocal(HttpContext.GetCurrentUser().Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public string PageUrl(int page) =>
        $"/notifications?page={page.ToString(CultureInfo.InvariantCulture)}{(Unread ? "&unread=true" : "")}";
}
