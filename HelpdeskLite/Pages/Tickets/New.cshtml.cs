using HelpdeskLite.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>Files a ticket: users for themselves, agents also on behalf of any user.</summary>
[RequestSizeLimit(UploadLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.RequestBytes)]
public sealed class NewModel(TicketQueries queries, TicketCommands commands) : PageModel
{
    [BindProperty]
    public NewTicketInput Input { get; set; } = new();

    public IReadOnlyList<(long Id, string Name)> Requesters { get; private set; } = [];

    public string? Error { get; private set; }

    public CurrentUser Viewer => HttpContext.GetCurrentUser();

    public void OnGet() => Load();

    public async Task<IActionResult> OnPostAsync(List<IFormFile> attachments)
    {
        var result = await commands.CreateAsync(Viewer, HttpContext.AuditActor(), Input, attachments);
        if (result.Succeeded)
        {
            return Redirect($"/tickets/{result.Number}?done=filed");
        }

        Load();
        Error = result.Message;
        Response.StatusCode = result.HttpStatus;
        return Page();
    }

    private void Load()
    {
        Input.RequesterId ??= Viewer.Id;
        Requesters = Viewer.IsAgent ? queries.Requesters() : [];
    }
}
