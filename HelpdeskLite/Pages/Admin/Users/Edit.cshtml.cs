using System.Globalization;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class EditModel(UserQueries users, UserCommands commands, TimeProvider clock) : PageModel
{
    public User Target { get; private set; } = new();

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public string? TemporaryPassword { get; private set; }

    public DateTime Now => clock.UtcNowMicroseconds();

    public IActionResult OnGet(long id, int? created) =>
        Show(id, error: null, created == 1 ? "The user was created." : null);

    public IActionResult OnPostRole(long id, int rowVersion, Role role) =>
        Show(id, InvalidInput() ?? commands.ChangeRole(id, rowVersion, role, HttpContext.AuditActor()), "The role was changed.");

    public IActionResult OnPostDeactivate(long id, int rowVersion) =>
        Show(id, InvalidInput() ?? commands.SetActive(id, rowVersion, false, HttpContext.AuditActor()), "The user was deactivated.");

    public IActionResult OnPostReactivate(long id, int rowVersion) =>
        Show(id, InvalidInput() ?? commands.SetActive(id, rowVersion, true, HttpContext.AuditActor()), "The user was reactivated.");

    public IActionResult OnPostUnlock(long id, int rowVersion) =>
        Show(id, InvalidInput() ?? commands.Unlock(id, rowVersion, HttpContext.AuditActor()), "The user was unlocked.");

    public IActionResult OnPostResetPassword(long id, int rowVersion)
    {
        if (InvalidInput() is { } invalid)
        {
            return Show(id, invalid, null);
        }

        var (temporary, error) = commands.ResetPassword(id, rowVersion, HttpContext.AuditActor());
        TemporaryPassword = temporary;
        return Show(id, error, "The password was reset.");
    }

    public string Local(DateTime utc) =>
        utc.ToLocal(HttpContext.GetCurrentUser().Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns an error when a field did not parse: an unparsable row version would otherwise
    /// bind as 0 and match a never-edited user.
    /// </summary>
    private string? InvalidInput() =>
        ModelState.IsValid ? null : "The form contained an invalid value. Reload the page and try again.";

    private IActionResult Show(long id, string? error, string? success)
    {
        var user = users.Find(id);
        if (user is null)
        {
            return NotFound();
        }

        Target = user;
        Error = error;
        Message = error is null ? success : null;
        if (error is not null)
        {
            Response.StatusCode = error == UserCommands.StaleMessage ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
