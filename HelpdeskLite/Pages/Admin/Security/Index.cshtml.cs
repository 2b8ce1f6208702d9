using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Admin.Security;

/// <summary>Security settings: which roles must use two-factor sign-in.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(TwoFactorService twoFactor) : PageModel
{
    [BindProperty]
    public List<Role> RequiredRoles { get; set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public void OnGet() => RequiredRoles = twoFactor.RequiredRoles().ToList();

    public IActionResult OnPost()
    {
        if (!ModelState.IsValid || RequiredRoles.Any(r => !Enum.IsDefined(r)))
        {
            Error = "Choose roles from the list.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            RequiredRoles = twoFactor.RequiredRoles().ToList();
            return Page();
        }

        twoFactor.SetRequiredRoles(RequiredRoles, HttpContext.AuditActor());
        Message = "The settings were saved. People in the chosen roles set up two-factor sign-in at their next request.";
        return Page();
    }
}
