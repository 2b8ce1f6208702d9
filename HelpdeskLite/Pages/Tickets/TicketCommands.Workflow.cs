using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Pages.Tickets;

public sealed partial class TicketCommands
{
    public const string WaitingReason = "Waiting for the requester";
    public const string ResolvedReason = "Resolved, waiting for confirmation";

    /// <summary>Moves a ticket to another status when the workflow table allows it.</summary>
    public CommandResult Transition(
        CurrentUser viewer, AuditActor actor, long number, int rowVersion, TicketStatus to, string? text, long? assigneeId)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var ticket = Load(db, viewer, number);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }

        if (ticket.RowVersion != rowVersion)
        {
            return CommandResult.Stale;
        }

        var note = (text ?? "").Trim();
        if (note.Length > MaxText)
        {
            return CommandResult.Invalid($"The text can be at most {MaxText} characters long.");
        }

        var assignee = assigneeId is { } id ? db.Users.FirstOrDefault(u => u.Id == id && u.IsActive) : null;
        var input = new TransitionInput(assignee?.Role, note, ticket.AutoCloseAt is { } end && now < end);
        var error = TicketWorkflow.Check(ticket.Status, to, TicketAccess.ActorFor(viewer, ticket), input);
        if (error is not null)
        {
            return CommandResult.Invalid(error);
        }

        if (to == TicketStatus.Assigned)
        {
            SetAssignee(db, actor, ticket, viewer.Id, assignee!, now);
        }

        if (to == TicketStatus.WaitingForUser || (ticket.Status == TicketStatus.Resolved && to == TicketStatus.InProgress))
        {
            InsertComment(db, actor, ticket, viewer.Id, note, false, now);
            ticket.FirstResponseAt ??= now;
        }

        if (to == TicketStatus.Resolved)
        {
            ticket.ResolutionNote = note;
        }

        Move(db, actor, ticket, viewer.Id, to, to == TicketStatus.Resolved ? null : note, now);
        ticket.UpdatedAt = now;
        if (!Save(db, ticket, rowVersion))
        {
            return CommandResult.Stale;
        }

        transaction.Commit();
        return CommandResult.Ok(ticket.Number, $"The ticket is now {ticket.Status.Display()}.");
    }

    /// <summary>Assigns a ticket; from New this is the move to Assigned, later it is a reassignment.</summary>
    public CommandResult Assign(CurrentUser viewer, AuditActor actor, long number, int rowVersion, long assigneeId)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var result = AssignWithin(db, viewer, actor, number, rowVersion, assigneeId);
        if (result.Succeeded)
        {
            transaction.Commit();
        }

        return result;
    }

    /// <summary>Assigns many tickets at once; each posted as "number:rowVersion" so stale ones are skipped.</summary>
    public CommandResult BulkAssign(CurrentUser viewer, AuditActor actor, IReadOnlyList<string> selections, long assigneeId)
    {
        if (selections.Count == 0)
        {
            return CommandResult.Invalid("Select at least one ticket to assign.");
        }

        if (selections.Count > TicketFilter.MaxPageSize)
        {
            return CommandResult.Invalid($"Assign at most {TicketFilter.MaxPageSize} tickets at once.");
        }

        var done = 0;
        var problems = new List<string>();
        foreach (var selection in selections)
        {
            var parts = selection.Split(':');
            if (parts.Length != 2 || !long.TryParse(parts[0], out var number) || !int.TryParse(parts[1], out var version))
            {
                problems.Add($"\"{selection}\" is not a ticket selection");
                continue;
            }

            var result = Assign(viewer, actor, number, version, assigneeId);
            if (result.Succeeded)
            {
                done++;
            }
            else
            {
                problems.Add($"{TicketNames.Format(number)}: {result.Message}");
            }
        }

        var summary = $"{done} of {selections.Count} tickets were assigned.";
        return problems.Count == 0
            ? CommandResult.Ok(0, summary)
            : CommandResult.Invalid(summary + " " + string.Join(" ", problems));
    }

    /// <summary>Overrides a ticket's priority with a reason and recomputes its SLA from the start.</summary>
    public CommandResult ChangePriority(
        CurrentUser viewer, AuditActor actor, long number, int rowVersion, Priority priority, string? reason)
    {
        if (!viewer.IsAgent)
        {
            return CommandResult.Invalid("Only IT Support and administrators can change a ticket's priority.");
        }

        var why = (reason ?? "").Trim();
        if (!Enum.IsDefined(priority) || why.Length == 0 || why.Length > 500)
        {
            return CommandResult.Invalid("Choose a priority and give a reason of at most 500 characters.");
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var ticket = Load(db, viewer, number);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }

        if (ticket.RowVersion != rowVersion)
        {
            return CommandResult.Stale;
        }

        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed || ticket.Priority == priority)
        {
            return CommandResult.Invalid(ticket.Priority == priority
                ? $"The priority is already {priority}."
                : "The priority of a resolved or closed ticket cannot change.");
        }

        var before = ticket.Priority;
        ticket.Priority = priority;
        ticket.PriorityOverridden = true;
        ticket.UpdatedAt = now;
        RecomputeSla(db, ticket);
        AddEvent(db, ticket, viewer.Id, TicketEventKind.PriorityChanged, before.ToString(), priority.ToString(), why, now);
        audit.Append(db, actor, AuditEvent.Ticket_PriorityChanged, "ticket", ticket.NumberText,
            Merge(AuditLog.Change("priority", before.ToString(), priority.ToString()), "reason", why));
        if (!Save(db, ticket, rowVersion))
        {
            return CommandResult.Stale;
        }

        transaction.Commit();
        return CommandResult.Ok(ticket.Number, $"The priority is now {priority}; due times were recomputed.");
    }

    /// <summary>Closes resolved tickets whose confirmation window has ended; returns how many closed.</summary>
    public int CloseUnconfirmed(DateTime now, int batch = 200)
    {
        using var db = dbs.Open();
        var due = db.Tickets
            .Where(t => t.Status == TicketStatus.Resolved && t.AutoCloseAt != null && t.AutoCloseAt <= now)
            .OrderBy(t => t.AutoCloseAt)
            .Select(t => t.Id)
            .Take(batch)
            .ToList();
        var closed = 0;
        foreach (var id in due)
        {
            using var transaction = db.BeginTransaction();
            var ticket = db.Tickets.FirstOrDefault(t => t.Id == id);
            if (ticket is null
                || TicketWorkflow.Check(ticket.Status, TicketStatus.Closed, WorkflowActor.System, new TransitionInput()) is not null)
            {
                continue;
            }

            var version = ticket.RowVersion;
            Move(db, AuditActor.System, ticket, null, TicketStatus.Closed, "Closed automatically: the requester did not respond", now);
            ticket.UpdatedAt = now;
            if (Save(db, ticket, version))
            {
                transaction.Commit();
                closed++;
            }
        }

        return closed;
    }

    private CommandResult AssignWithin(HelpdeskDb db, CurrentUser viewer, AuditActor actor, long number, int rowVersion, long assigneeId)
    {
        var now = clock.UtcNowMicroseconds();
        var ticket = Load(db, viewer, number);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }

        if (ticket.RowVersion != rowVersion)
        {
            return CommandResult.Stale;
        }

        var assignee = db.Users.FirstOrDefault(u => u.Id == assigneeId && u.IsActive);
        var actorKind = TicketAccess.ActorFor(viewer, ticket);
        var error = ticket.Status == TicketStatus.New
            ? TicketWorkflow.Check(TicketStatus.New, TicketStatus.Assigned, actorKind, new TransitionInput(assignee?.Role))
            : TicketWorkflow.CheckReassign(ticket.Status, actorKind, assignee?.Role);
        if (error is not null)
        {
            return CommandResult.Invalid(error);
        }

        if (ticket.AssigneeId == assigneeId)
        {
            return CommandResult.Invalid($"The ticket is already assigned to {assignee!.DisplayName}.");
        }

        SetAssignee(db, actor, ticket, viewer.Id, assignee!, now);
        if (ticket.Status == TicketStatus.New)
        {
            Move(db, actor, ticket, viewer.Id, TicketStatus.Assigned, null, now);
        }

        ticket.UpdatedAt = now;
        return Save(db, ticket, rowVersion)
            ? CommandResult.Ok(ticket.Number, $"The ticket was assigned to {assignee!.DisplayName}.")
            : CommandResult.Stale;
    }

    private void SetAssignee(HelpdeskDb db, AuditActor actor, Ticket ticket, long actorId, User assignee, DateTime now)
    {
        var beforeId = ticket.AssigneeId;
        var before = beforeId is { } id ? db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefault() : null;
        ticket.AssigneeId = assignee.Id;
        AddEvent(db, ticket, actorId, TicketEventKind.Assigned, before, assignee.DisplayName, null, now);
        audit.Append(db, actor, AuditEvent.Ticket_Assigned, "ticket", ticket.NumberText,
            AuditLog.Change("assigneeId", beforeId, assignee.Id));
        notifications.RaiseTicketAssigned(db, ticket, actorId);
    }

    /// <summary>Changes the status with its side effects on SLA pauses, timestamps and history.</summary>
    private void Move(HelpdeskDb db, AuditActor actor, Ticket ticket, long? actorId, TicketStatus to, string? note, DateTime now)
    {
        var from = ticket.Status;
        EndOpenPause(db, ticket, now);
        if (to == TicketStatus.WaitingForUser)
        {
            StartPause(db, ticket, WaitingReason, actorId, now);
        }

        if (to == TicketStatus.Resolved)
        {
            var settings = TicketSettings.Load(db);
            var calendar = SlaConfiguration.Load(db).CalendarFor(ticket.Priority);
            ticket.ResolvedAt = now;
            ticket.AutoCloseAt = SlaCalculator.AddBusinessTime(
                calendar, now, calendar.ToBusinessTime(settings.AutoCloseBusinessDays, SlaUnit.Days), []);
            StartPause(db, ticket, ResolvedReason, actorId, now);
        }

        if (from == TicketStatus.Resolved && to == TicketStatus.InProgress)
        {
            ticket.ResolvedAt = null;
            ticket.AutoCloseAt = null;
        }

        if (to == TicketStatus.Closed)
        {
            ticket.ClosedAt = now;
            ticket.AutoCloseAt = null;
        }

        ticket.Status = to;
        RecomputeSla(db, ticket);
        AddEvent(db, ticket, actorId, TicketEventKind.StatusChanged, from.Display(), to.Display(), note, now);
        audit.Append(db, actor, AuditEvent.Ticket_StatusChanged, "ticket", ticket.NumberText,
            Merge(AuditLog.Change("status", from.ToString(), to.ToString()), "note", string.IsNullOrEmpty(note) ? null : note));
        notifications.RaiseTicketStatusChanged(db, ticket, actorId);
    }

    private static void StartPause(HelpdeskDb db, Ticket ticket, string reason, long? actorId, DateTime now) =>
        db.Insert(new SlaPause { TicketId = ticket.Id, StartedAt = now, Reason = reason, CausedById = actorId });

    private static void EndOpenPause(HelpdeskDb db, Ticket ticket, DateTime now) =>
        db.SlaPauses.Where(p => p.TicketId == ticket.Id && p.EndedAt == null).Set(p => p.EndedAt, now).Update();

    private static void RecomputeSla(HelpdeskDb db, Ticket ticket) =>
        TicketSla.Recompute(ticket, db.SlaPauses.Where(p => p.TicketId == ticket.Id).ToList(), SlaConfiguration.Load(db));
}
