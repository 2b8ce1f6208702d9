using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Account;

[AllowAnonymous]
public sealed class SignInModel(AccountService accounts, SessionTokens tokens) : PageModel
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
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        tokens.Write(HttpContext, tokens.Issue(result.User));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/account", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
    }
}
