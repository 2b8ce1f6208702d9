using System.Globalization;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>
/// The queue's filters, sort and page as they appear in the URL. Every value is allow-listed:
/// an unknown sort falls back to the default and the page size is clamped.
/// </summary>
public sealed class TicketFilter
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
    public const int MaxPage = 10_000;

    public static readonly IReadOnlyList<string> Views = ["mine", "unassigned", "assigned", "breaching", "open", "all"];

    public static readonly IReadOnlyList<string> SortColumns =
        ["number", "subject", "status", "type", "priority", "created", "updated", "due"];

    /// <summary>Age bands by days since filing: query value, label, lower and upper bound in days.</summary>
    public static readonly IReadOnlyList<(string Key, string Label, int From, int? To)> AgeBands =
    [
        ("0-1", "Under 1 day", 0, 1), ("1-3", "1–3 days", 1, 3), ("3-7", "3–7 days", 3, 7), ("7-", "Over 7 days", 7, null),
    ];

    public string? View { get; set; }

    /// <summary>One of the <see cref="AgeBands"/> keys; any other value is ignored.</summary>
    public string? Age { get; set; }

    public (string Key, string Label, int From, int? To)? AgeBand =>
        AgeBands.FirstOrDefault(b => b.Key == Age) is { Key: not null } band ? band : null;

    public TicketStatus? Status { get; set; }

    public RequestType? Type { get; set; }

    public Priority? Priority { get; set; }

    /// <summary>An assignee's user id, or "none" for unassigned tickets.</summary>
    public string? Assignee { get; set; }

    public long? Requester { get; set; }

    public SlaState? Sla { get; set; }

    public DateOnly? CreatedFrom { get; set; }

    public DateOnly? CreatedTo { get; set; }

    public DateOnly? DueFrom { get; set; }

    public DateOnly? DueTo { get; set; }

    public string? Q { get; set; }

    public string? Sort { get; set; }

    public string? Dir { get; set; }

    public int Page { get; set; } = 1;

    public int Size { get; set; } = DefaultPageSize;

    public string SortColumn => Sort is not null && SortColumns.Contains(Sort) ? Sort : DefaultSort;

    public bool Descending => Dir is null ? SortColumn is "created" or "updated" or "number" : Dir != "asc";

    public int PageNumber => Math.Clamp(Page, 1, MaxPage);

    public int PageSize => Math.Clamp(Size, 1, MaxPageSize);

    public string SearchText => (Q ?? "").Trim() is var text && text.Length > 200 ? text[..200] : (Q ?? "").Trim();

    private string DefaultSort => View == "breaching" ? "due" : "created";

    /// <summary>Builds the query string of this filter with some values replaced, for links and paging.</summary>
    public string ToQueryString(string? sort = null, string? dir = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["view"] = View,
            ["status"] = Status?.ToString(),
            ["type"] = Type?.ToString(),
            ["priority"] = Priority?.ToString(),
            ["assignee"] = Assignee,
            ["requester"] = Requester?.ToString(CultureInfo.InvariantCulture),
            ["sla"] = Sla?.ToString(),
            ["age"] = AgeBand?.Key,
            ["createdFrom"] = Day(CreatedFrom),
            ["createdTo"] = Day(CreatedTo),
            ["dueFrom"] = Day(DueFrom),
            ["dueTo"] = Day(DueTo),
            ["q"] = string.IsNullOrWhiteSpace(Q) ? null : Q,
            ["sort"] = sort ?? Sort,
            ["dir"] = dir ?? Dir,
            ["size"] = Size == DefaultPageSize ? null : PageSize.ToString(CultureInfo.InvariantCulture),
            ["page"] = (page ?? PageNumber) == 1 ? null : (page ?? PageNumber).ToString(CultureInfo.InvariantCulture),
        };
        return QueryString.Create(values.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent();
    }

    private static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
