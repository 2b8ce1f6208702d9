using HelpdeskLite.Auth;
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

    /// <summary>Kinds that quote tickets other people filed, delivered only to staff.</summary>
    private static readonly NotificationKind[] StaffKinds =
    [
        NotificationKind.TicketAssigned, NotificationKind.TicketRequesterReplied,
        NotificationKind.SlaAtRisk, NotificationKind.SlaBreached,
    ];

    /// <summary>Kinds that quote incidents, delivered only to Security Officers and Admins.</summary>
    private static readonly NotificationKind[] IncidentKinds =
    [
        NotificationKind.IncidentReported, NotificationKind.IncidentAssigned,
        NotificationKind.TaskAssigned, NotificationKind.TaskOverdue,
    ];

    /// <summary>Counts unread notifications with one query on the (recipient_id, is_read) index.</summary>
    public int UnreadCount(CurrentUser viewer)
    {
        using var db = dbs.Open();
        return Readable(db, viewer).Count(n => !n.IsRead);
    }

    public NotificationPage List(CurrentUser viewer, bool unreadOnly, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        using var db = dbs.Open();
        var query = Readable(db, viewer);
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

    /// <summary>
    /// Returns the viewer's notifications that their current role may still read. The text was
    /// written for the role held at delivery, so after a demotion the staff kinds are hidden.
    /// </summary>
    private static IQueryable<Notification> Readable(HelpdeskDb db, CurrentUser viewer)
    {
        var hidden = (viewer.IsStaff ? [] : StaffKinds)
            .Concat(viewer.Role is Role.SecurityOfficer or Role.Admin ? [] : IncidentKinds)
            .ToList();
        var query = db.Notifications.Where(n => n.RecipientId == viewer.Id);
        return hidden.Count == 0 ? query : query.Where(n => !hidden.Contains(n.Kind));
    }

    public IReadOnlySet<NotificationKind> OptedOut(long userId)
    {
        using var db = dbs.Open();
        return db.NotificationOptOuts.Where(o => o.UserId == userId).Select(o => o.Kind).ToHashSet();
    }
}
