using System.Data.Common;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Incidents;

/// <summary>
/// Tells the owner of an open incident task, once, that its due date has passed in the owner's
/// time zone. Several nodes may run it, so a lease row lets only one of them work at a time, as
/// in the SLA monitor.
/// </summary>
public sealed class TaskOverdueMonitor(
    HelpdeskDbFactory dbs,
    AuditLog audit,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<TaskOverdueMonitor> logger) : BackgroundService
{
    public const string LeaseName = "incidents.task-overdue";
    private const int BatchSize = 500;
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LeaseLength = TimeSpan.FromMinutes(15);
    private readonly string holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                if (TryTakeLease())
                {
                    RunOnce();
                }
            }
            catch (Exception ex) when (ex is DbException or InvalidOperationException)
            {
                logger.LogError(ex, "Task overdue check failed, retrying in {Minutes} min", Interval.TotalMinutes);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Notifies the owners of newly overdue tasks. Returns how many tasks were marked.</summary>
    public int RunOnce()
    {
        var now = clock.UtcNowMicroseconds();
        using var db = dbs.Open();

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
            logger.LogInformation("Task overdue check notified the owners of {Count} tasks", marked);
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

    /// <summary>Claims the lease, or renews it when this node holds it; false when another node holds it.</summary>
    public bool TryTakeLease()
    {
        var now = clock.UtcNowMicroseconds();
        var until = now + LeaseLength;
        using var db = dbs.Open();
        var claimed = db.Leases
            .Where(l => l.Name == LeaseName && (l.Holder == holder || l.ExpiresAt < now))
            .Set(l => l.Holder, holder)
            .Set(l => l.ExpiresAt, until)
            .Update();
        if (claimed == 1)
        {
            return true;
        }

        try
        {
            db.Insert(new Lease { Name = LeaseName, Holder = holder, ExpiresAt = until });
            return true;
        }
        catch (DbException)
        {
            // Another node inserted the row first and holds the lease.
            return false;
        }
    }
}
