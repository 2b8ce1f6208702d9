using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Hosting;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Audit;

[Authorize(Policy = Policies.Security)]
public sealed class IndexModel(AuditQueries queries, AuditExport export) : PageModel
{
    [BindProperty(SupportsGet = true), StringLength(AuditFilter.MaxTextLength)]
    public string? Actor { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? ActorId { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditEvent? Action { get; set; }

    [BindProperty(SupportsGet = true), StringLength(AuditFilter.MaxTextLength)]
    public string? EntityType { get; set; }

    [BindProperty(SupportsGet = true), StringLength(AuditFilter.MaxTextLength)]
    public string? EntityId { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    // Read from the query by hand: model binding would take "page" from the route values,
    // where Razor Pages keeps the page's own path.
    public int PageNumber =>
        int.TryParse(Request.Query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;

    public AuditPage Result { get; private set; } = new([], 1, false);

    public string? Error { get; private set; }

    public AuditFilter Filter => new(Actor, ActorId, Action, EntityType, EntityId, From, To);

    public TimeZoneInfo Zone => HttpContext.GetCurrentUser().Zone;

    public IActionResult OnGet()
    {
        if (IsValid())
        {
            Result = queries.Search(Filter, Zone, PageNumber);
        }
        else
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return this.PageOrFragment("_AuditList");
    }

    public IActionResult OnGetList() => OnGet();

    public IActionResult OnGetExport()
    {
        if (!IsValid())
        {
            return BadRequest(Error ?? "");
        }

        var (file, name) = export.Write(Filter, Zone, HttpContext.AuditActor());
        return File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    public string Local(DateTime utc) =>
        utc.ToLocal(Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public string PageUrl(int page) => "/audit" + Filter.ToQuery(page);

    public string ExportUrl() => "/audit" + (Filter.ToQuery() is { Length: > 0 } query ? query + "&" : "?") + "handler=export";

    private bool IsValid()
    {
        if (Action is { } action && !Enum.IsDefined(action))
        {
            ModelState.AddModelError(nameof(Action), "The action is not a known audit event.");
        }

        if (From is { } from && To is { } to && to < from)
        {
            ModelState.AddModelError(nameof(To), "The end date is before the start date.");
        }

        if (!FilterDates.AllAccepted(From, To))
        {
            ModelState.AddModelError(From is { } day && !FilterDates.AllAccepted(day) ? nameof(From) : nameof(To), FilterDates.Message);
        }

        if (ModelState.IsValid)
        {
            return true;
        }

        var fields = ModelState.Where(p => p.Value?.Errors.Count > 0).Select(p => p.Key).Order();
        var reasons = FilterDates.AllAccepted(From, To) ? "" : FilterDates.Message + " ";
        Error = $"These filters are invalid: {string.Join(", ", fields)}. {reasons}" +
            "Dates are written yyyy-MM-dd, and the actor ID is a number. Correct them and filter again.";
        return false;
    }
}
