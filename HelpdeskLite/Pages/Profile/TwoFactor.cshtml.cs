using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Profile;

/// <summary>Turns two-factor sign-in on (QR code, confirm with a code, recovery codes) or off.</summary>
public sealed class TwoFactorModel(TwoFactorService twoFactor) : PageModel
{
    public bool Enabled { get; private set; }

    public bool Required { get; private set; }

    public TwoFactorEnrolment? Enrolment { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public void OnGet() => Load();

    public IActionResult OnPostBegin()
    {
        Enrolment = twoFactor.Begin(HttpContext.GetCurrentUser());
        return Show(Enrolment is null ? "Two-factor sign-in is already on. Turn it off first to use a new device." : null);
    }

    public IActionResult OnPostConfirm(string? code)
    {
        (RecoveryCodes, var error) = twoFactor.Confirm(HttpContext.GetCurrentUser(), code, HttpContext.AuditActor());
        return Show(error, "Two-factor sign-in is on. Keep the recovery codes below somewhere safe: they are shown only once.");
    }

    public IActionResult OnPostDisable(string? password) =>
        Show(twoFactor.Disable(HttpContext.GetCurrentUser(), password, HttpContext.AuditActor()), "Two-factor sign-in is off.");

    private PageResult Show(string? error, string? success = null)
    {
        Load();
        Error = error;
        Message = error is null ? success : null;
        if (error is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    private void Load()
    {
        var user = HttpContext.GetCurrentUser();
        Enabled = twoFactor.IsEnabled(user.Id);
        Required = twoFactor.RequiredRoles().Contains(user.Role);
    }
}
