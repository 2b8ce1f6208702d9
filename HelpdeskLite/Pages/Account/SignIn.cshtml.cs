using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(AccountService accounts, SessionTokens tokens, TwoFactorService twoFactor) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Setup { get; set; }

    [BindProperty]
    public string? Username { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var result = accounts.SignIn(Username, Password, HttpContext.AuditActor());
        if (result.User is null)
        {
            Error = result.Error;
            Password = null;

            // The form is shown again with the username; an overlong one is not echoed back whole.
            if (Username?.Length > AccountService.MaxUsernameLength)
            {
                Username = Username[..AccountService.MaxUsernameLength];
            }

            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        var target = Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/account", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/";
        if (twoFactor.IsEnabled(result.User.Id))
        {
            // No session yet: only a short-lived token that lets the code page finish the sign-in.
            TwoFactorModel.WritePending(HttpContext, tokens.IssuePending(result.User, TwoFactorModel.PendingLifetime));
            return Redirect($"/account/two-factor?returnUrl={Uri.EscapeDataString(target)}");
        }

        tokens.Write(HttpContext, tokens.Issue(result.User));
        return LocalRedirect(target);
    }
}
