using System.Globalization;
using HelpdeskLite.Incidents;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The incident list with filters, for Security Officers and Admins.</summary>
public sealed class IndexModel(IncidentQueries queries) : IncidentPageModel
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

        (Rows, HasMore) = queries.Search(new IncidentFilter(Q, Status, Category, Severity, Mine ? Viewer.Id : null), PageNumber);
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
            ["page"] = page.ToString(CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent().Insert(0, "/incidents");
}
