using HelpdeskLite.Auth;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>The ticket queue: filters, views, sorting and paging, updated in place by htmx.</summary>
public sealed class IndexModel(TicketQueries queries, TicketCommands commands, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public TicketFilter Filter { get; set; } = new();

    public TicketPage Result { get; private set; } = new([], 1, TicketFilter.DefaultPageSize, false);

    public IReadOnlyList<(long Id, string Name)> Assignees { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public CurrentUser Viewer => HttpContext.GetCurrentUser();

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public IActionResult OnGet(string? done)
    {
        string[] dates = ["createdFrom", "createdTo", "dueFrom", "dueTo"];
        var unreadable = ModelState.Where(p => p.Value?.Errors.Count > 0)
            .Select(p => p.Key[(p.Key.LastIndexOf('.') + 1)..])
            .Where(key => dates.Contains(key, StringComparer.OrdinalIgnoreCase))
            .Order()
            .ToList();
        if (unreadable.Count > 0 || !FilterDates.AllAccepted(Filter.CreatedFrom, Filter.CreatedTo, Filter.DueFrom, Filter.DueTo))
        {
            (Filter.CreatedFrom, Filter.CreatedTo, Filter.DueFrom, Filter.DueTo) = (null, null, null, null);
            Error = unreadable.Count > 0
                ? $"These filters are invalid and were left out: {string.Join(", ", unreadable)}. "
                    + "Dates are written yyyy-MM-dd and must lie between 1900-01-01 and 2999-12-31."
                : FilterDates.Message + " The date filters were left out.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        Load();
        Message = done == "assigned" ? "The selected tickets were assigned." : null;

        // A history restore needs the whole page, although htmx sends it.
        return Request.Headers.ContainsKey("HX-History-Restore-Request") ? Page() : this.PageOrFragment("_TicketList");
    }

    public IActionResult OnPostBulkAssign(List<string> selected, long assigneeId)
    {
        var result = commands.BulkAssign(Viewer, HttpContext.AuditActor(), selected, assigneeId);
        if (result.Succeeded)
        {
            var query = Filter.ToQueryString();
            return Redirect("/tickets" + query + (query.Length == 0 ? "?" : "&") + "done=assigned");
        }

        Load();
        Error = result.Message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public string ListUrl(string? sort = null, string? dir = null, int? page = null) =>
        "/tickets" + Filter.ToQueryString(sort, dir, page);

    public string ViewUrl(string view) => "/tickets?view=" + view;

    public string SortUrl(string column) =>
        ListUrl(column, Filter.SortColumn == column && !Filter.Descending ? "desc" : "asc", 1);

    private void Load()
    {
        if (!Viewer.IsStaff)
        {
            Filter.View = "mine";
        }
        else if (Filter.View is null || !TicketFilter.Views.Contains(Filter.View))
        {
            Filter.View = "open";
        }

        Result = queries.Search(Viewer, Filter);
        Assignees = Viewer.IsAgent ? queries.Assignees() : [];
    }
}
