using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Admins edit the task list each category's playbook adds at triage.</summary>
public sealed class PlaybooksModel(PlaybookCommands playbooks) : IncidentPageModel
{
    public IReadOnlyDictionary<IncidentCategory, string> Steps { get; private set; } =
        new Dictionary<IncidentCategory, string>();

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public IActionResult OnGet(string? saved)
    {
        if (Viewer.Role != Role.Admin)
        {
            return NotFound();
        }

        Steps = playbooks.LoadAll();
        Message = saved is null ? null : $"The playbook for {saved} was saved.";
        return Page();
    }

    public IActionResult OnPost(IncidentCategory category, string? steps)
    {
        if (Viewer.Role != Role.Admin)
        {
            return NotFound();
        }

        Error = playbooks.Save(category, steps, HttpContext.AuditActor());
        if (Error is null)
        {
            return Redirect($"/incidents/playbooks?saved={Uri.EscapeDataString(category.Display())}");
        }

        Steps = playbooks.LoadAll();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
