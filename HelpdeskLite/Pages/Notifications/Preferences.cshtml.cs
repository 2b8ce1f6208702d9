using HelpdeskLite.Auth;
using HelpdeskLite.Notifications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Notifications;

public sealed class PreferencesModel(NotificationQueries queries, NotificationCommands commands) : PageModel
{
    [BindProperty]
    public List<NotificationKind> Received { get; set; } = [];

    public IReadOnlySet<NotificationKind> OptedOut { get; private set; } = new HashSet<NotificationKind>();

    public string? Message { get; private set; }

    public void OnGet() => OptedOut = queries.OptedOut(HttpContext.GetCurrentUser().Id);

    public IActionResult OnPost()
    {
        // An unknown kind fails binding; saving the rest would silently drop the person's choice.
        if (!ModelState.IsValid)
        {
            return BadRequest();
        }

        var userId = HttpContext.GetCurrentUser().Id;
        commands.SaveReceivedKinds(userId, Received);
        OptedOut = queries.OptedOut(userId);
        Message = "Your notification choices were saved.";
        return Page();
    }
}
