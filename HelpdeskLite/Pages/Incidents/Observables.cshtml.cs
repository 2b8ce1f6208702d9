using HelpdeskLite.Incidents;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Finds the incidents that recorded an observable value.</summary>
public sealed class ObservablesModel(IncidentQueries queries) : IncidentPageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Value { get; set; }

    public IReadOnlyList<(long Id, string Number, string Title, ObservableKind Kind)> Matches { get; private set; } = [];

    public IActionResult OnGet()
    {
        if (!IncidentAccess.CanInvestigate(Viewer))
        {
            return NotFound();
        }

        Matches = queries.FindObservable(Value);
        return Page();
    }
}
