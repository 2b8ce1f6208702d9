using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Profile;

public sealed class IndexModel(ProfileCommands profiles) : PageModel
{
    public string Username { get; private set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public string TimeZone { get; set; } = "";

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public void OnGet(string? changed)
    {
        Load();
        Message = changed == "password" ? "Your password was changed." : null;
    }

    public IActionResult OnPost()
    {
        var user = HttpContext.GetCurrentUser();
        Error = profiles.UpdateProfile(user, DisplayName, TimeZone, HttpContext.AuditActor());
        Username = user.Username;
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Message = "Your profile was saved.";
        return Page();
    }

    private void Load()
    {
        var user = HttpContext.GetCurrentUser();
        Username = user.Username;
        DisplayName = user.DisplayName;
        TimeZone = user.TimeZone;
    }
}
