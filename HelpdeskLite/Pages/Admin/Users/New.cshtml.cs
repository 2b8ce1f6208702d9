using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Pages.Admin.Users;

[Authorize(Policy = Policies.Admin)]
public sealed class NewModel(AccountService accounts, PasswordPolicy policy, IOptions<Hosting.HelpdeskOptions> helpdesk) : PageModel
{
    [BindProperty]
    public string Username { get; set; } = "";

    [BindProperty]
    public string DisplayName { get; set; } = "";

    [BindProperty]
    public Role Role { get; set; } = Role.User;

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Error { get; private set; }

    public int MinLength => policy.MinLength;

    public void OnGet()
    {
    }

    public IActionResult OnPost()
    {
        // A role number outside the list fails binding and would otherwise fall back to User.
        if (ModelState.GetFieldValidationState(nameof(Role)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            Error = "Choose one of the four roles.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var account = new NewAccount(Username, DisplayName, Password, Role, MustChangePassword: true, helpdesk.Value.TimeZone);
        var (user, error) = accounts.Create(account, HttpContext.AuditActor());
        if (user is null)
        {
            Error = error;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/admin/users/{user.Id}?created=1");
    }
}
