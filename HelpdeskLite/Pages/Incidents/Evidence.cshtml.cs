using HelpdeskLite.Auth;
using HelpdeskLite.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Sends an evidence file after its hash check, or shows why it was withheld.</summary>
public sealed class EvidenceModel(EvidenceCommands evidence) : PageModel
{
    public string? IntegrityError { get; private set; }

    public long IncidentId { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, long evidenceId)
    {
        var download = await evidence.OpenAsync(id, evidenceId, HttpContext.GetCurrentUser(), HttpContext.AuditActor());
        if (download.NotFound)
        {
            return NotFound();
        }

        FileDownload.AddNoSniff(Response);
        if (download.Content is null)
        {
            IncidentId = id;
            IntegrityError = download.IntegrityError;
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }

        return FileDownload.Result(download.Content, download.FileName);
    }
}
