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
        ResolveOnConversion = playbooks.ConversionResolvesTicket();
        Message = saved switch
        {
            null => null,
            "conversion" => "The conversion setting was saved.",
            _ => $"The playbook for {saved} was saved.",
        };
        return Page();
    }

    public bool ResolveOnConversion { get; private set; }

    public IActionResult OnPostConversion(bool resolve)
    {
        if (Viewer.Role != Role.Admin)
        {
            return NotFound();
        }

        playbooks.SetConversionResolvesTicket(resolve, HttpContext.AuditActor());
        return Redirect("/incidents/playbooks?saved=conversion");
    }

    public IActionResult OnPost(IncidentCategory? category, string? steps)
    {
        if (Viewer.Role != Role.Admin)
        {
            return NotFound();
        }

        // A missing or unknown category is rejected, because as a plain enum it would bind as Phishing
        // and overwrite that playbook.
        Error = category is { } chosen && ModelState.IsValid
            ? playbooks.Save(chosen, steps, HttpContext.AuditActor())
            : "Choose a category from the list.";
        if (Error is null)
        {
            return Redirect($"/incidents/playbooks?saved={Uri.EscapeDataString(category!.Value.Display())}");
        }

        Steps = playbooks.LoadAll();
        ResolveOnConversion = playbooks.ConversionResolvesTicket();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
