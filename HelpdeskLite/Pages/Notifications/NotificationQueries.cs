using HelpdeskLite.Data;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Notifications;

public sealed record NotificationRow(
    long Id, NotificationKind Kind, string Text, string Link, DateTime CreatedAt, bool IsRead);

public sealed record NotificationPage(IReadOnlyList<NotificationRow> Rows, int Page, bool HasMore);

public sealed class NotificationQueries(HelpdeskDbFactory dbs)
{
    public const int PageSize = 50;

    /// <summary>Counts unread notifications with one query on the (recipient_id, is_read) index.</summary>
    public int UnreadCount(long userId)
    {
        using var db = dbs.Open();
        return db.Notifications.Count(n => n.RecipientId == userId && !n.IsRead);
    }

    public NotificationPage List(long userId, bool unreadOnly, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        using var db = dbs.Open();
        var query = db.Notifications.Where(n => n.RecipientId == userId);
        if (unreadOnly)
        {
            query = query.Where(n => !n.IsRead);
        }

        var rows = query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(n => new NotificationRow(n.Id, n.Kind, n.Text, n.Link, n.CreatedAt, n.IsRead))
            .ToList();
        return new NotificationPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    public IReadOnlySet<NotificationKind> OptedOut(long userId)
    {
        using var db = dbs.Open();
        return db.NotificationOptOuts.Where(o => o.UserId == userId).Select(o => o.Kind).ToHashSet();
    }
}
