using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Converts a ticket to an incident and opens it; a refusal goes back to the ticket with the reason.</summary>
public sealed class ConvertModel(ConversionCommands conversion) : PageModel
{
    public string? Error { get; private set; }

    public long TicketNumber { get; private set; }

    public IActionResult OnGet() => NotFound();

    public IActionResult OnPost(long ticketNumber)
    {
        var result = conversion.Convert(ticketNumber, HttpContext.GetCurrentUser(), HttpContext.AuditActor());
        if (result.Outcome == IncidentOutcome.NotFound)
        {
            return NotFound();
        }

        if (result.Succeeded)
        {
            return Redirect($"/incidents/{result.Id}?done={Uri.EscapeDataString(DetailsModel.Converted)}");
        }

        TicketNumber = ticketNumber;
        Error = result.Message;
        Response.StatusCode = result.StatusCode;
        return Page();
    }
}
