using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>What a transition form posts: the target and, for some targets, actions, a time or a reason.</summary>
public sealed record TransitionInput(IncidentStatus To, string? Actions, string? EffectiveAt, string? Reason);

/// <summary>Moves incidents through the workflow table, and records the post-incident review.</summary>
public sealed class WorkflowCommands(
    HelpdeskDbFactory dbs, IncidentJournal journal, NotificationService notifications, TimeProvider clock)
{
    public const int MaxReason = 4000;

    public IncidentResult Transition(long id, int rowVersion, TransitionInput input, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Incidents.FirstOrDefault(i => i.Id == id);
        if (before is null)
        {
            return IncidentResult.NotFound;
        }

        if (before.RowVersion != rowVersion)
        {
            return IncidentResult.Stale;
        }

        var transition = IncidentWorkflow.Find(before.Status, input.To);
        if (transition is null || !transition.Roles.Contains(user.Role))
        {
            return IncidentResult.Rejected(
                $"{before.NumberText} cannot move from {before.Status} to {input.To} as {user.Role.Display()}.");
        }

        var now = clock.UtcNowMicroseconds();
        var (after, error) = Apply(before, transition, input, user.Zone, now);
        error ??= KeyTimes.Contradiction(after, now, user.Zone);
        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        var tasks = db.IncidentTasks.Where(t => t.IncidentId == id).ToList();
        var missing = IncidentWorkflow.Missing(after, input.To, tasks);
        if (missing.Count > 0)
        {
            return IncidentResult.Rejected(
                $"{before.NumberText} cannot move to {input.To} yet. Missing: {string.Join("; ", missing)}.");
        }

        if (!IncidentJournal.Claim(db, id, rowVersion, now))
        {
            return IncidentResult.Stale;
        }

        Save(db, after);
        Record(db, before, after, input, now, user.Id, actor);
        if (transition.To == IncidentStatus.Triaged && after.Category is { } category)
        {
            ApplyPlaybook(db, id, category, now, user.Id, actor);
        }

        NotifyReporter(db, before, after, user.Id);

        transaction.Commit();
        return IncidentResult.Done(id);
    }

    private static (Incident After, string? Error) Apply(
        Incident before, IncidentTransition transition, TransitionInput input, TimeZoneInfo zone, DateTime now)
    {
        var after = before.Clone();
        after.Status = transition.To;
        var actions = (input.Actions ?? "").Trim();
        var (effective, timeError) = LocalTimeInput.Parse(input.EffectiveAt, zone);
        if (timeError is not null)
        {
            return (after, timeError);
        }

        if (effective > now)
        {
            return (after, "The time entered is in the future. Enter when it took effect.");
        }

        switch (transition.Needs)
        {
            case TransitionNeeds.Containment:
                after.ContainmentActions = actions.Length > 0 ? actions : null;
                after.ContainedAt = effective;
                break;
            case TransitionNeeds.Recovery:
                after.RecoveryActions = actions.Length > 0 ? actions : null;
                after.RecoveredAt = effective;
                break;
            case TransitionNeeds.ReopenReason:
                if ((input.Reason ?? "").Trim().Length == 0)
                {
                    return (after, "Give the reason for reopening the incident.");
                }

                after.ClosedAt = null;
                after.FalsePositive = false;
                after.FalsePositiveReason = null;
                break;
            case TransitionNeeds.FalsePositiveReason:
                var reason = (input.Reason ?? "").Trim();
                if (reason.Length == 0)
                {
                    return (after, "Give the reason why this is a false positive.");
                }

                if (reason.Length > MaxReason)
                {
                    return (after, $"The reason is longer than {MaxReason} characters.");
                }

                after.FalsePositive = true;
                after.FalsePositiveReason = reason;
                break;
        }

        if (transition.To == IncidentStatus.Triaged)
        {
            after.TriagedAt ??= now;
        }

        if (transition.To == IncidentStatus.Closed)
        {
            after.ClosedAt = now;
        }

        return (after, null);
    }

    private static void Save(HelpdeskDb db, Incident after) =>
        db.Incidents.Where(i => i.Id == after.Id)
            .Set(i => i.Status, after.Status)
            .Set(i => i.TriagedAt, after.TriagedAt)
            .Set(i => i.ContainmentActions, after.ContainmentActions)
            .Set(i => i.ContainedAt, after.ContainedAt)
            .Set(i => i.RecoveryActions, after.RecoveryActions)
            .Set(i => i.RecoveredAt, after.RecoveredAt)
            .Set(i => i.ClosedAt, after.ClosedAt)
            .Set(i => i.FalsePositive, after.FalsePositive)
            .Set(i => i.FalsePositiveReason, after.FalsePositiveReason)
            .Update();

    private void Record(
        HelpdeskDb db, Incident before, Incident after, TransitionInput input, DateTime now, long userId, AuditActor actor)
    {
        var reopened = before.Status == IncidentStatus.Closed;
        var reason = reopened ? (input.Reason ?? "").Trim() : after.FalsePositiveReason;
        var text = $"Status {before.Status} → {after.Status}."
            + (after.FalsePositive ? " Closed as a false positive." : "")
            + (reason is not null ? $" Reason: {reason}" : "")
            + (after.Status == IncidentStatus.Contained ? $" Containment actions: {after.ContainmentActions}" : "")
            + (after.Status == IncidentStatus.Recovered ? $" Recovery actions: {after.RecoveryActions}" : "");
        var tookEffect = after.Status switch
        {
            IncidentStatus.Contained => after.ContainedAt,
            IncidentStatus.Recovered => after.RecoveredAt,
            _ => null,
        };
        journal.Timeline(db, after.Id, TimelineKind.StatusChanged, now, userId, text, tookEffect);
        var details = IncidentFields.Diff(before, after);
        details["status"] = AuditLog.Change("status", before.Status.ToString(), after.Status.ToString())["status"];
        if (reason is not null)
        {
            details["reason"] = reason;
        }

        var action = reopened ? AuditEvent.Incident_Reopened
            : after.FalsePositive ? AuditEvent.Incident_ClosedAsFalsePositive
            : AuditEvent.Incident_StatusChanged;
        journal.Audit(db, actor, action, after.Id, details);
    }

    /// <summary>
    /// Tells the person who reported the incident when the status they can see changes. A
    /// converted incident has no status view for its requester, so it raises nothing here.
    /// </summary>
    private void NotifyReporter(HelpdeskDb db, Incident before, Incident after, long actorId)
    {
        if (after.SourceTicketId is null
            && ReporterView.StatusText(before.Status) != ReporterView.StatusText(after.Status))
        {
            notifications.RaiseReportStatusChanged(db, IncidentJournal.Facts(after), after.ReporterId,
                ReporterView.StatusText(after.Status), actorId);
        }
    }

    private void ApplyPlaybook(HelpdeskDb db, long id, IncidentCategory category, DateTime now, long userId, AuditActor actor)
    {
        var steps = db.PlaybookSteps.Where(s => s.Category == category).OrderBy(s => s.Position).ToList();
        foreach (var step in steps)
        {
            db.Insert(new IncidentTask { IncidentId = id, Kind = step.Kind, Title = step.Title, CreatedAt = now });
        }

        if (steps.Count > 0)
        {
            journal.Timeline(db, id, TimelineKind.TaskChanged, now, userId,
                $"Playbook for {category.Display()} applied: {steps.Count} tasks added.");
            journal.Audit(db, actor, AuditEvent.Incident_PlaybookApplied, id,
                new { category = category.ToString(), tasks = steps.Select(s => s.Title).ToArray() });
        }
    }

    /// <summary>Records root cause, contributing factors and lessons learned.</summary>
    public IncidentResult UpdateReview(
        long id, int rowVersion, string? rootCause, string? factors, string? lessons, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        if ((rootCause?.Length ?? 0) > 20_000 || (factors?.Length ?? 0) > 20_000 || (lessons?.Length ?? 0) > 20_000)
        {
            return IncidentResult.Rejected("A review field is longer than 20000 characters.");
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Incidents.FirstOrDefault(i => i.Id == id);
        if (before is null)
        {
            return IncidentResult.NotFound;
        }

        var now = clock.UtcNowMicroseconds();
        if (before.RowVersion != rowVersion || !IncidentJournal.Claim(db, id, rowVersion, now))
        {
            return IncidentResult.Stale;
        }

        var after = before.Clone();
        after.RootCause = Blank(rootCause);
        after.ContributingFactors = Blank(factors);
        after.LessonsLearned = Blank(lessons);
        db.Incidents.Where(i => i.Id == id)
            .Set(i => i.RootCause, after.RootCause)
            .Set(i => i.ContributingFactors, after.ContributingFactors)
            .Set(i => i.LessonsLearned, after.LessonsLearned)
            .Update();
        var changes = IncidentFields.Diff(before, after);
        if (changes.Count > 0)
        {
            journal.Timeline(db, id, TimelineKind.FieldChanged, now, user.Id,
                "Post-incident review changed: " + IncidentFields.Labels(changes.Keys) + ".");
            journal.Audit(db, actor, AuditEvent.Incident_FieldChanged, id, changes);
        }

        transaction.Commit();
        return IncidentResult.Done(id);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
