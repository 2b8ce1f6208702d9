using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages;

/// <summary>The first admin sets their own password through the one-time link printed at start-up.</summary>
[AllowAnonymous]
public sealed class SetupModel(AccountService accounts, PasswordPolicy policy) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string Username { get; set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public bool LinkValid { get; private set; }

    public string? Error { get; private set; }

    public int MinLength => policy.MinLength;

    public void OnGet()
    {
        LinkValid = accounts.IsSetupTokenValid(Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    public IActionResult OnPost()
    {
        LinkValid = accounts.IsSetupTokenValid(Token);
        if (!LinkValid)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Error = Password != ConfirmPassword
            ? "The two passwords differ. Type the same password twice."
            : accounts.CompleteSetup(Token, new NewAccount(Username, DisplayName, Password, Role.Admin), HttpContext.AuditActor());
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"{AuthenticationSetup.SignInPath}?setup=done");
    }
}
