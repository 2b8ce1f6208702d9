using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Incidents;

/// <summary>
/// Tells the owner of an open incident task, once, that its due date has passed in the owner's
/// time zone. Several nodes may run it; the lease lets one of them work at a time.
/// </summary>
public sealed class TaskOverdueMonitor(
    HelpdeskDbFactory dbs,
    AuditLog audit,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<TaskOverdueMonitor> logger)
    : LeasedJob(dbs, clock, logger, LeaseName, TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15))
{
    public const string LeaseName = "incidents.task-overdue";
    private const int BatchSize = 500;

    /// <summary>Notifies the owners of newly overdue tasks. Returns how many tasks were marked.</summary>
    public override int RunOnce()
    {
        var now = Clock.UtcNowMicroseconds();
        using var db = Dbs.Open();

        // A due date is stored as midnight UTC of that date. No time zone reaches the end of the
        // date before that instant, so the query finds every candidate and the owner's zone decides.
        var candidates = (
            from task in db.IncidentTasks
            join incident in db.Incidents on task.IncidentId equals incident.Id
            join owner in db.Users on task.OwnerId equals owner.Id
            where !task.IsDone && task.OverdueNotifiedAt == null && task.DueDate < now
                && incident.Status != IncidentStatus.Closed
            orderby task.DueDate
            select new { Task = task, incident.Number, owner.TimeZone })
            .Take(BatchSize)
            .ToList();
        var marked = 0;
        foreach (var candidate in candidates)
        {
            var today = DateOnly.FromDateTime(now.ToLocal(TimeZones.Find(candidate.TimeZone)));
            if (DateOnly.FromDateTime(candidate.Task.DueDate!.Value) < today && Mark(db, candidate.Task, candidate.Number, now))
            {
                marked++;
            }
        }

        if (marked > 0)
        {
            Logger.LogInformation("Task overdue check notified the owners of {Count} tasks", marked);
        }

        return marked;
    }

    private bool Mark(HelpdeskDb db, IncidentTask task, long incidentNumber, DateTime now)
    {
        using var transaction = db.BeginTransaction();
        var updated = db.IncidentTasks
            .Where(t => t.Id == task.Id && !t.IsDone && t.OverdueNotifiedAt == null && t.DueDate == task.DueDate
                && t.OwnerId == task.OwnerId)
            .Set(t => t.OverdueNotifiedAt, now)
            .Update();
        if (updated != 1)
        {
            return false;
        }

        var numberText = IncidentNames.Format(incidentNumber);
        audit.Append(db, AuditActor.System, AuditEvent.Incident_TaskOverdue, "incident", Key(task.IncidentId), new
        {
            taskId = task.Id,
            dueDate = task.DueDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ownerId = task.OwnerId,
        });
        notifications.RaiseTaskOverdue(db, new IncidentTaskFacts(task.Id, task.IncidentId, numberText, task.Title),
            task.OwnerId!.Value);
        transaction.Commit();
        return true;
    }

    private static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
