using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>A task as the task form posts it.</summary>
public sealed record TaskInput(IncidentTaskKind Kind, string? Title, long? OwnerId, DateOnly? DueDate, bool IsDone);

/// <summary>Investigation and corrective tasks, and observables.</summary>
public sealed class TaskCommands(
    HelpdeskDbFactory dbs, IncidentJournal journal, NotificationService notifications, TimeProvider clock)
{
    public IncidentResult AddTask(long incidentId, TaskInput input, CurrentUser user, AuditActor actor) =>
        Change(incidentId, user, db =>
        {
            var error = Check(db, input, null);
            if (error is not null)
            {
                return error;
            }

            var now = clock.UtcNowMicroseconds();
            var task = new IncidentTask
            {
                IncidentId = incidentId,
                Kind = input.Kind,
                Title = input.Title!.Trim(),
                OwnerId = input.OwnerId,
                DueDate = Due(input.DueDate),
                CreatedAt = now,
            };
            task.Id = db.InsertWithInt64Identity(task);
            journal.Timeline(db, incidentId, TimelineKind.TaskChanged, now, user.Id,
                $"{task.Kind} task added: {task.Title}.");
            journal.Audit(db, actor, AuditEvent.Incident_TaskAdded, incidentId, new
            {
                taskId = task.Id, kind = task.Kind.ToString(), title = task.Title, ownerId = task.OwnerId,
                dueDate = input.DueDate?.ToString("yyyy-MM-dd"),
            });
            NotifyOwner(db, task, null, user.Id);
            return null;
        });

    public IncidentResult UpdateTask(long incidentId, long taskId, int rowVersion, TaskInput input, CurrentUser user, AuditActor actor) =>
        Change(incidentId, user, db =>
        {
            var task = db.IncidentTasks.FirstOrDefault(t => t.Id == taskId && t.IncidentId == incidentId);
            if (task is null)
            {
                return IncidentResult.NotFound.Message;
            }

            var error = Check(db, input, task.OwnerId);
            if (error is not null)
            {
                return error;
            }

            // Closing required every corrective action to have an owner and a due date. Work on them
            // goes on after closure, so they stay editable but cannot lose either.
            if (task.Kind == IncidentTaskKind.Corrective
                && (input.Kind != IncidentTaskKind.Corrective || input.OwnerId is null || input.DueDate is null)
                && db.Incidents.Any(i => i.Id == incidentId && i.Status == IncidentStatus.Closed))
            {
                return "The incident is closed, so its corrective actions keep their kind, owner and due date. "
                    + "Reopen the incident to change them.";
            }

            var now = clock.UtcNowMicroseconds();
            var due = Due(input.DueDate);

            // A new due date or owner gets its own overdue notice. Otherwise the stored mark stays,
            // because the overdue job may have set it after this task was read.
            var rescheduled = due != task.DueDate || input.OwnerId != task.OwnerId;
            var updated = db.IncidentTasks.Where(t => t.Id == taskId && t.RowVersion == rowVersion)
                .Set(t => t.Kind, input.Kind)
                .Set(t => t.Title, input.Title!.Trim())
                .Set(t => t.OwnerId, input.OwnerId)
                .Set(t => t.DueDate, due)
                .Set(t => t.OverdueNotifiedAt, t => rescheduled ? null : t.OverdueNotifiedAt)
                .Set(t => t.IsDone, input.IsDone)
                .Set(t => t.DoneAt, input.IsDone ? task.DoneAt ?? now : null)
                .Set(t => t.RowVersion, t => t.RowVersion + 1)
                .Update();
            if (updated != 1)
            {
                return IncidentResult.StaleMessage;
            }

            var changes = Diff(task, input);
            if (changes.Count > 1)
            {
                journal.Timeline(db, incidentId, TimelineKind.TaskChanged, now, user.Id,
                    $"Task changed: {input.Title!.Trim()}" + (input.IsDone && !task.IsDone ? " (done)." : "."));
                journal.Audit(db, actor, AuditEvent.Incident_TaskChanged, incidentId, changes);
            }

            var changed = db.IncidentTasks.Single(t => t.Id == taskId);
            NotifyOwner(db, changed, task.OwnerId, user.Id);
            return null;
        });

    public IncidentResult AddObservable(
        long incidentId, ObservableKind kind, string? value, string? note, CurrentUser user, AuditActor actor) =>
        Change(incidentId, user, db =>
        {
            if (!Enum.IsDefined(kind))
            {
                return "Choose the kind of observable from the list.";
            }

            var (normalized, error) = Observables.Normalize(kind, value);
            if (error is not null)
            {
                return error;
            }

            if ((note ?? "").Length > 4000)
            {
                return "The note is longer than 4000 characters.";
            }

            var key = normalized!.Length > 500 ? normalized[..500] : normalized;
            if (db.IncidentObservables.Any(o => o.IncidentId == incidentId && o.Kind == kind && o.NormalizedValue == key))
            {
                return "This observable is already recorded on the incident.";
            }

            var now = clock.UtcNowMicroseconds();
            var raw = Observables.Refang(value!.Trim());
            db.Insert(new Observable
            {
                IncidentId = incidentId, Kind = kind, Value = raw, NormalizedValue = key,
                Note = (note ?? "").Trim(), AddedById = user.Id, AddedAt = now,
            });
            journal.Timeline(db, incidentId, TimelineKind.ObservableAdded, now, user.Id,
                $"Observable added: {kind.Display()} {Observables.Defang(kind, raw)}.");
            journal.Audit(db, actor, AuditEvent.Incident_ObservableAdded, incidentId,
                new { kind = kind.ToString(), value = Observables.Defang(kind, raw), note });
            return null;
        });

    /// <summary>Tells a task's owner it was assigned to them, unless they already owned it.</summary>
    private void NotifyOwner(HelpdeskDb db, IncidentTask task, long? previousOwnerId, long actorId)
    {
        if (task.OwnerId is not { } ownerId || ownerId == previousOwnerId)
        {
            return;
        }

        var number = db.Incidents.Where(i => i.Id == task.IncidentId).Select(i => i.Number).Single();
        notifications.RaiseTaskAssigned(db,
            new IncidentTaskFacts(task.Id, task.IncidentId, IncidentNames.Format(number), task.Title), ownerId, actorId);
    }

    private IncidentResult Change(long incidentId, CurrentUser user, Func<HelpdeskDb, string?> apply)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        if (!db.Incidents.Any(i => i.Id == incidentId))
        {
            return IncidentResult.NotFound;
        }

        var error = apply(db);
        if (error == IncidentResult.NotFound.Message)
        {
            return IncidentResult.NotFound;
        }

        if (error == IncidentResult.StaleMessage)
        {
            return IncidentResult.Stale;
        }

        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        transaction.Commit();
        return IncidentResult.Done(incidentId);
    }

    private static string? Check(HelpdeskDb db, TaskInput input, long? currentOwner)
    {
        var title = (input.Title ?? "").Trim();
        if (!Enum.IsDefined(input.Kind))
        {
            return "Choose investigation or corrective.";
        }

        if (title.Length is 0 or > 300)
        {
            return "Enter the task (up to 300 characters).";
        }

        if (input.OwnerId is { } owner && owner != currentOwner
            && !db.Users.Any(u => u.Id == owner && u.IsActive && (u.Role == Role.SecurityOfficer || u.Role == Role.Admin)))
        {
            return "A task owner must be an active Security Officer or Admin.";
        }

        return null;
    }

    private static DateTime? Due(DateOnly? date) =>
        date is { } d ? d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : null;

    private static Dictionary<string, object?> Diff(IncidentTask task, TaskInput input)
    {
        var changes = new Dictionary<string, object?> { ["taskId"] = task.Id };
        void Add(string name, object? from, object? to)
        {
            if (!Equals(from, to))
            {
                changes[name] = AuditLog.Change(name, from, to)[name];
            }
        }

        Add("kind", task.Kind.ToString(), input.Kind.ToString());
        Add("title", task.Title, input.Title!.Trim());
        Add("ownerId", task.OwnerId, input.OwnerId);
        Add("dueDate", task.DueDate?.ToString("yyyy-MM-dd"), input.DueDate?.ToString("yyyy-MM-dd"));
        Add("isDone", task.IsDone, input.IsDone);
        return changes;
    }
}
