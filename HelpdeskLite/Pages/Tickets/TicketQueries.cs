using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Pages.Tickets;

public sealed record TicketRow(
    long Number,
    string Subject,
    TicketStatus Status,
    RequestType RequestType,
    Priority Priority,
    string RequesterName,
    string? AssigneeName,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? FirstResponseDue,
    DateTime? FirstResponseAt,
    DateTime? ResolutionDue,
    SlaState SlaState,
    int RowVersion);

public sealed record TicketPage(IReadOnlyList<TicketRow> Rows, int Page, int PageSize, bool HasMore);

/// <summary>What other features may read about a ticket for its requester: no internal content.</summary>
public sealed record TicketPublicView(long Number, string Subject, TicketStatus Status, DateTime UpdatedAt, string? ResolutionNote);

/// <summary>Reads tickets for the queue, the ticket page and other features, always as one viewer.</summary>
public sealed partial class TicketQueries(HelpdeskDbFactory dbs, TimeProvider clock)
{
    public TicketPage Search(CurrentUser viewer, TicketFilter filter)
    {
        using var db = dbs.Open();
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        var now = clock.GetUtcNow().UtcDateTime;
        var tickets = Filter(db.Tickets.VisibleTo(viewer), viewer, filter, sqlite, fullText: true, now);

        // The index finds a rare word at once, but reading and sorting thousands of matches of a
        // common word costs more than walking the sort order with a substring test, which meets
        // enough matches within the first few thousand rows.
        if (FullTextQuery(filter.SearchText, sqlite) is not null && tickets.Take(CommonWordMatches).Count() == CommonWordMatches)
        {
            tickets = Filter(db.Tickets.VisibleTo(viewer), viewer, filter, sqlite, fullText: false, now);
        }

        var size = filter.PageSize;
        var page = Order(tickets, filter)
            .Skip((filter.PageNumber - 1) * size)
            .Take(size + 1)
            .ToList();

        // Names come in a second small query, so the page query touches only the tickets table
        // and keeps the order its index gives.
        var userIds = page.Select(t => t.RequesterId)
            .Concat(page.Where(t => t.AssigneeId != null).Select(t => t.AssigneeId!.Value))
            .Distinct()
            .ToList();
        var names = db.Users.Where(u => userIds.Contains(u.Id)).ToDictionary(u => u.Id, u => u.DisplayName);
        var rows = page.Take(size).Select(t => new TicketRow(
                t.Number, t.Subject, t.Status, t.RequestType, t.Priority, names.GetValueOrDefault(t.RequesterId, ""),
                t.AssigneeId is { } id ? names.GetValueOrDefault(id) : null,
                t.CreatedAt, t.UpdatedAt, t.FirstResponseDue, t.FirstResponseAt, t.ResolutionDue, t.SlaState, t.RowVersion))
            .ToList();
        return new TicketPage(rows, filter.PageNumber, size, page.Count > size);
    }

    /// <summary>Counts the tickets the viewer may see, per status.</summary>
    public IReadOnlyDictionary<TicketStatus, int> CountsByStatus(CurrentUser viewer)
    {
        using var db = dbs.Open();
        return db.Tickets.VisibleTo(viewer)
            .GroupBy(t => t.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToList()
            .ToDictionary(g => g.Status, g => g.Count);
    }

    /// <summary>Returns the requester's view of their own ticket, or null for anyone else's.</summary>
    public TicketPublicView? PublicView(long number, long requesterId)
    {
        using var db = dbs.Open();
        return db.Tickets
            .Where(t => t.Number == number && t.RequesterId == requesterId)
            .Select(t => new TicketPublicView(t.Number, t.Subject, t.Status, t.UpdatedAt, t.ResolutionNote))
            .FirstOrDefault();
    }

    /// <summary>Lists active IT Support users, the people tickets can be assigned to.</summary>
    public IReadOnlyList<(long Id, string Name)> Assignees()
    {
        using var db = dbs.Open();
        return db.Users.Where(u => u.IsActive && u.Role == Role.ItSupport)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName })
            .ToList()
            .Select(u => (u.Id, u.DisplayName))
            .ToList();
    }

    /// <summary>Lists active users a ticket can be filed for.</summary>
    public IReadOnlyList<(long Id, string Name)> Requesters()
    {
        using var db = dbs.Open();
        return db.Users.Where(u => u.IsActive)
            .OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.Username })
            .ToList()
            .Select(u => (u.Id, $"{u.DisplayName} ({u.Username})"))
            .ToList();
    }

    private static IQueryable<Ticket> Filter(
        IQueryable<Ticket> query, CurrentUser viewer, TicketFilter filter, bool sqlite, bool fullText, DateTime now)
    {
        query = (viewer.IsStaff ? filter.View : "mine") switch
        {
            "mine" => query.Where(t => t.RequesterId == viewer.Id),
            "unassigned" => query.Where(t => t.AssigneeId == null && t.Status < TicketStatus.Resolved),
            "assigned" => query.Where(t => t.AssigneeId == viewer.Id && t.Status < TicketStatus.Resolved),
            "breaching" => query.Where(t => t.SlaState == SlaState.AtRisk && t.Status < TicketStatus.Resolved),
            "open" => query.Where(t => t.Status < TicketStatus.Resolved),
            _ => query,
        };

        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(t => t.RequestType == type);
        }

        if (filter.Priority is { } priority)
        {
            query = query.Where(t => t.Priority == priority);
        }

        if (filter.Assignee == "none")
        {
            query = query.Where(t => t.AssigneeId == null);
        }
        else if (long.TryParse(filter.Assignee, out var assignee))
        {
            query = query.Where(t => t.AssigneeId == assignee);
        }

        if (filter.Requester is { } requester)
        {
            query = query.Where(t => t.RequesterId == requester);
        }

        if (filter.Sla is { } sla)
        {
            query = query.Where(t => t.SlaState == sla);
        }

        if (filter.AgeBand is { } band)
        {
            // A band is [now - To days, now - From days), as the dashboard counts it.
            query = InRange(query, sqlite, false, null, now.AddDays(-band.From));
            if (band.To is { } days)
            {
                query = InRange(query, sqlite, false, now.AddDays(-days), null);
            }
        }

        var zone = viewer.Zone;
        if (filter.CreatedFrom is { } createdFrom)
        {
            query = InRange(query, sqlite, false, LocalDays.StartUtc(createdFrom, zone), null);
        }

        if (filter.CreatedTo is { } createdTo)
        {
            query = InRange(query, sqlite, false, null, LocalDays.StartUtc(createdTo.AddDays(1), zone));
        }

        if (filter.DueFrom is { } dueFrom)
        {
            query = InRange(query, sqlite, true, LocalDays.StartUtc(dueFrom, zone), null);
        }

        if (filter.DueTo is { } dueTo)
        {
            query = InRange(query, sqlite, true, null, LocalDays.StartUtc(dueTo.AddDays(1), zone));
        }

        return Search(query, filter.SearchText, sqlite, fullText);
    }

    /// <summary>
    /// Keeps rows whose creation or due time lies in [from, to). On SQLite the times are text,
    /// and linq2db wraps a DateTime comparison in strftime(), which no index can serve. Comparing
    /// the text directly keeps the index usable, because the stored format sorts as text.
    /// </summary>
    private static IQueryable<Ticket> InRange(IQueryable<Ticket> query, bool sqlite, bool due, DateTime? from, DateTime? to)
    {
        var text = (from ?? to)!.Value.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return (sqlite, due, from is not null) switch
        {
            (true, false, true) => query.Where(t => TextAtLeast(t.CreatedAt, text)),
            (true, false, false) => query.Where(t => TextBelow(t.CreatedAt, text)),
            (true, true, true) => query.Where(t => TextAtLeast(t.ResolutionDue, text)),
            (true, true, false) => query.Where(t => TextBelow(t.ResolutionDue, text)),
            (false, false, true) => query.Where(t => t.CreatedAt >= from),
            (false, false, false) => query.Where(t => t.CreatedAt < to),
            (false, true, true) => query.Where(t => t.ResolutionDue >= from),
            _ => query.Where(t => t.ResolutionDue < to),
        };
    }

    [Sql.Expression("{0} >= {1}", ServerSideOnly = true, IsPredicate = true)]
    private static bool TextAtLeast(DateTime? column, string value) => throw new InvalidOperationException("Runs only in SQL.");

    [Sql.Expression("{0} < {1}", ServerSideOnly = true, IsPredicate = true)]
    private static bool TextBelow(DateTime? column, string value) => throw new InvalidOperationException("Runs only in SQL.");

    private static IQueryable<Ticket> Search(IQueryable<Ticket> query, string text, bool sqlite, bool fullText)
    {
        if (text.Length == 0)
        {
            return query;
        }

        // A ticket number finds that ticket only, through its unique index.
        if (TicketNumber(text) is { } number)
        {
            return query.Where(t => t.Number == number);
        }

        // Every word must appear, as a word or the start of one, in the subject or description.
        var match = fullText ? FullTextQuery(text, sqlite) : null;
        return (match, sqlite) switch
        {
            (null, _) => query.Where(t => t.Subject.Contains(text) || t.Description.Contains(text)),
            (_, true) => query.Where(t => InSqliteIndex(t.Id, match)),
            _ => query.Where(t => InMySqlIndex(t.Subject, t.Description, match)),
        };
    }

    private static long? TicketNumber(string text)
    {
        var digits = text.StartsWith("T-", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return long.TryParse(digits, out var number) ? number : null;
    }

    /// <summary>
    /// Builds the full-text query for the words of a search, or returns null when the index cannot
    /// serve it: text with no word, or on MariaDB a word under the three characters that
    /// innodb_ft_min_token_size indexes by default. Those searches use a substring scan.
    /// </summary>
    private static string? FullTextQuery(string text, bool sqlite)
    {
        if (text.Length == 0 || TicketNumber(text) is not null)
        {
            return null;
        }

        var words = (sqlite ? SqliteWord() : MySqlWord()).Matches(text).Select(m => m.Value).Distinct().Take(MaxSearchWords).ToList();
        if (words.Count == 0 || (!sqlite && words.Any(w => w.Length < MySqlMinWordLength)))
        {
            return null;
        }

        return sqlite
            ? string.Join(' ', words.Select(w => $"\"{w}\"*"))
            : string.Join(' ', words.Select(w => $"+{w}*"));
    }

    private const int MaxSearchWords = 8;

    // Above this many matches a search walks the sort order instead of the full-text index.
    private const int CommonWordMatches = 2000;
    private const int MySqlMinWordLength = 3;

    [Sql.Expression("{0} IN (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH {1})", ServerSideOnly = true, IsPredicate = true)]
    private static bool InSqliteIndex(long id, string match) => throw new InvalidOperationException("Runs only in SQL.");

    [Sql.Expression("MATCH({0}, {1}) AGAINST ({2} IN BOOLEAN MODE)", ServerSideOnly = true, IsPredicate = true)]
    private static bool InMySqlIndex(string subject, string description, string match) => throw new InvalidOperationException("Runs only in SQL.");

    // Word characters of each index: FTS5's unicode61 splits at '_', MariaDB keeps it inside a word.
    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex SqliteWord();

    [GeneratedRegex(@"[\p{L}\p{N}_]+")]
    private static partial Regex MySqlWord();
}
