using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Account;

/// <summary>Ends the session: the cookie is removed and the sign-out is audited.</summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountService accounts, SessionTokens tokens) : PageModel
{
    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        var user = HttpContext.FindCurrentUser();
        if (user is not null)
        {
            accounts.SignOut(user, HttpContext.AuditActor());
        }

        tokens.Clear(HttpContext);
        return Redirect(AuthenticationSetup.SignInPath);
    }
}
