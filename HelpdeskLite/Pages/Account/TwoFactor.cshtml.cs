using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Account;

/// <summary>The second sign-in step: a code from the authenticator app or a recovery code.</summary>
[AllowAnonymous]
public sealed class TwoFactorModel(SessionTokens tokens, TwoFactorService twoFactor, HelpdeskDbFactory dbs) : PageModel
{
    public const string PendingCookie = "hd_2fa";
    public static readonly TimeSpan PendingLifetime = TimeSpan.FromMinutes(5);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Code { get; set; } = "";

    public string? Error { get; private set; }

    public IActionResult OnGet() =>
        Request.Cookies.ContainsKey(PendingCookie) ? Page() : Redirect(AuthenticationSetup.SignInPath);

    public async Task<IActionResult> OnPostAsync()
    {
        var pending = await tokens.ReadPendingAsync(Request.Cookies[PendingCookie]);
        using var db = dbs.Open();
        var user = pending is { } p ? db.Users.FirstOrDefault(u => u.Id == p.UserId && u.IsActive && u.SecurityStamp == p.Stamp) : null;
        if (user is null)
        {
            Response.Cookies.Delete(PendingCookie);
            return Redirect(AuthenticationSetup.SignInPath);
        }

        if (!twoFactor.Verify(user.Id, Code, HttpContext.AuditActor() with { Id = user.Id, Name = user.Username }))
        {
            Error = "The code is invalid or was already used. Enter the current code, or a recovery code.";
            Code = "";
            Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Page();
        }

        Response.Cookies.Delete(PendingCookie);
        tokens.Write(HttpContext, tokens.Issue(user));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && !ReturnUrl!.StartsWith("/account", StringComparison.OrdinalIgnoreCase) ? ReturnUrl : "/");
    }

    public static void WritePending(HttpContext context, string token) =>
        context.Response.Cookies.Append(PendingCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = context.Request.IsHttps,
            Path = "/account",
            MaxAge = PendingLifetime,
        });
}
