using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

public sealed partial class TicketQueries
{
    /// <summary>
    /// Orders by the chosen column, then by creation time and id so paging is stable. Each pair
    /// matches an index on the tickets table.
    /// </summary>
    private static IQueryable<Ticket> Order(IQueryable<Ticket> query, TicketFilter filter)
    {
        var descending = filter.Descending;
        return filter.SortColumn switch
        {
            "number" => descending ? query.OrderByDescending(t => t.Number) : query.OrderBy(t => t.Number),
            "subject" => descending
                ? query.OrderByDescending(t => t.Subject).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.Subject).ThenBy(t => t.Id),
            "status" => descending
                ? query.OrderByDescending(t => t.Status).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.Status).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "type" => descending
                ? query.OrderByDescending(t => t.RequestType).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.RequestType).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "priority" => descending
                ? query.OrderByDescending(t => t.Priority).ThenByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.Priority).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
            "updated" => descending
                ? query.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.UpdatedAt).ThenBy(t => t.Id),
            "due" => descending
                ? query.OrderByDescending(t => t.ResolutionDue).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.ResolutionDue).ThenBy(t => t.Id),
            _ => descending
                ? query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                : query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
        };
    }
}
