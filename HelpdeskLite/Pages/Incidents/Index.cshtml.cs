using System.Globalization;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The incident list with filters, for Security Officers and Admins.</summary>
public sealed class IndexModel(IncidentQueries queries, TimeProvider clock) : IncidentPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public IncidentStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public IncidentCategory? Category { get; set; }

    [BindProperty(SupportsGet = true)]
    public Severity? Severity { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Open { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Overdue { get; set; }

    [BindProperty(Name = "page", SupportsGet = true)]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<IncidentRow> Rows { get; private set; } = [];

    public bool HasMore { get; private set; }

    public IReadOnlyList<(IncidentTask Task, string Number)> MyTasks { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!IncidentAccess.CanInvestigate(Viewer))
        {
            return NotFound();
        }

        var today = DateTime.SpecifyKind(clock.GetUtcNow().UtcDateTime.ToLocal(Viewer.Zone).Date, DateTimeKind.Utc);
        var filter = new IncidentFilter(Q, Status, Category, Severity, Mine ? Viewer.Id : null, Open, Overdue ? today : null);
        (Rows, HasMore) = queries.Search(filter, PageNumber);
        MyTasks = queries.OpenTasksOf(Viewer.Id);
        return this.PageOrFragment("_IncidentList");
    }

    public IActionResult OnGetList() => OnGet();

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Q,
            ["status"] = Status?.ToString(),
            ["category"] = Category?.ToString(),
            ["severity"] = Severity?.ToString(),
            ["mine"] = Mine ? "true" : null,
            ["open"] = Open ? "true" : null,
            ["overdue"] = Overdue ? "true" : null,
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent().Insert(0, "/incidents");
}
