using HelpdeskLite.Auth;
using HelpdeskLite.Pages.Profile;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Account;

public sealed class ChangePasswordModel(ProfileCommands profiles, PasswordPolicy policy, SessionTokens tokens) : PageModel
{
    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public int MinLength => policy.MinLength;

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var user = HttpContext.GetCurrentUser();
        var (updated, error) = NewPassword != ConfirmPassword
            ? (null, "The two new passwords differ. Type the same password twice.")
            : profiles.ChangePassword(user, CurrentPassword, NewPassword, HttpContext.AuditActor());
        if (updated is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        // The stamp changed, so this browser gets a fresh token; other sessions end.
        tokens.Write(HttpContext, tokens.Issue(updated));
        return Redirect("/profile?changed=password");
    }
}
