using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The report form, open to every signed-in user.</summary>
public sealed class ReportModel(ReportCommands commands) : IncidentPageModel
{
    [BindProperty]
    public ReportInput Input { get; set; } = new(null, null, null, null);

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(List<IFormFile> files)
    {
        var result = await commands.ReportAsync(Input, files, Viewer, HttpContext.AuditActor());
        if (result.Succeeded)
        {
            return Redirect($"/incidents/mine/{result.Id}?reported=1");
        }

        Error = result.Message;
        Response.StatusCode = result.StatusCode;
        return Page();
    }
}
