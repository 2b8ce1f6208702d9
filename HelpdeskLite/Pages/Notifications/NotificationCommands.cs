using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Notifications;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Pages.Notifications;

/// <summary>
/// Marks notifications read and stores which kinds a person receives. Neither changes a record
/// anyone else sees, so neither writes an audit entry.
/// </summary>
public sealed class NotificationCommands(HelpdeskDbFactory dbs, TimeProvider clock)
{
    /// <summary>Marks one of the user's own notifications read; false when it is not theirs.</summary>
    public bool MarkRead(long userId, long notificationId)
    {
        using var db = dbs.Open();
        var now = clock.UtcNowMicroseconds();
        var mine = db.Notifications.Where(n => n.Id == notificationId && n.RecipientId == userId);
        if (!mine.Any())
        {
            return false;
        }

        mine.Where(n => !n.IsRead).Set(n => n.IsRead, true).Set(n => n.ReadAt, now).Update();
        return true;
    }

    public int MarkAllRead(long userId)
    {
        using var db = dbs.Open();
        var now = clock.UtcNowMicroseconds();
        return db.Notifications.Where(n => n.RecipientId == userId && !n.IsRead)
            .Set(n => n.IsRead, true)
            .Set(n => n.ReadAt, now)
            .Update();
    }

    /// <summary>Stores the kinds the user receives; every kind not listed is turned off.</summary>
    public void SaveReceivedKinds(long userId, IEnumerable<NotificationKind> received)
    {
        var keep = received.Where(Enum.IsDefined).ToHashSet();
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        db.NotificationOptOuts.Where(o => o.UserId == userId).Delete();
        foreach (var kind in NotificationKinds.All.Where(k => !keep.Contains(k)))
        {
            db.Insert(new NotificationOptOut { UserId = userId, Kind = kind });
        }

        transaction.Commit();
    }
}
