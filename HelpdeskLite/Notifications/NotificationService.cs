using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Notifications;

/// <summary>The facts of an incident that a notification may quote to security staff.</summary>
public sealed record IncidentFacts(long Id, string NumberText, string Title);

/// <summary>The facts of an incident task that a notification may quote to security staff.</summary>
public sealed record IncidentTaskFacts(long Id, long IncidentId, string IncidentNumberText, string Title);

/// <summary>Which SLA target a warning or breach is about.</summary>
public enum SlaTarget
{
    FirstResponse,
    Resolution,
}

/// <summary>
/// Writes notifications inside the caller's transaction, so a notification exists exactly when
/// the change it announces committed. Each method picks its recipients, skips the person who
/// caused the change, anyone deactivated and anyone who opted out of the kind, and builds the
/// text only from facts the recipient's role may see.
/// </summary>
public sealed class NotificationService(TimeProvider clock)
{
    public const int MaxTextLength = 500;
    private const int ExcerptLength = 140;

    /// <summary>Notifies the new assignee; the ticket's subject and priority are visible to agents.</summary>
    public void RaiseTicketAssigned(HelpdeskDb db, Ticket ticket, long? actorId)
    {
        if (ticket.AssigneeId is not { } assignee)
        {
            return;
        }

        Deliver(db, assignee, actorId, NotificationKind.TicketAssigned, TicketTarget(ticket),
            $"{ticket.NumberText} \"{ticket.Subject}\" ({ticket.Priority}) is assigned to you.",
            CanSeeTicket(ticket));
    }

    /// <summary>Notifies the requester the new status; nothing else of the change is quoted.</summary>
    public void RaiseTicketStatusChanged(HelpdeskDb db, Ticket ticket, long? actorId)
    {
        Deliver(db, ticket.RequesterId, actorId, NotificationKind.TicketStatusChanged, TicketTarget(ticket),
            $"Your ticket {ticket.NumberText} \"{ticket.Subject}\" is now {ticket.Status.Display()}.",
            CanSeeTicket(ticket));
    }

    /// <summary>
    /// Notifies the requester about an agent's public comment, or the assignee about the
    /// requester's reply. An internal note raises no notification here, so its text can
    /// never reach a requester.
    /// </summary>
    public void RaiseTicketCommented(HelpdeskDb db, Ticket ticket, TicketComment comment, string authorName)
    {
        if (comment.IsInternal)
        {
            return;
        }

        var excerpt = Excerpt(comment.Body);
        if (comment.AuthorId == ticket.RequesterId)
        {
            if (ticket.AssigneeId is { } assignee)
            {
                Deliver(db, assignee, comment.AuthorId, NotificationKind.TicketRequesterReplied, TicketTarget(ticket),
                    $"{authorName} replied on {ticket.NumberText} \"{ticket.Subject}\": {excerpt}",
                    CanSeeTicket(ticket));
            }

            return;
        }

        Deliver(db, ticket.RequesterId, comment.AuthorId, NotificationKind.TicketPublicComment, TicketTarget(ticket),
            $"{authorName} replied on your ticket {ticket.NumberText} \"{ticket.Subject}\": {excerpt}",
            CanSeeTicket(ticket));
    }

    /// <summary>Notifies the assignee that a target has used 75 % of its business time.</summary>
    public void RaiseSlaAtRisk(HelpdeskDb db, Ticket ticket, SlaTarget target)
    {
        if (ticket.AssigneeId is { } assignee)
        {
            Deliver(db, assignee, null, NotificationKind.SlaAtRisk, TicketTarget(ticket),
                $"{ticket.NumberText} \"{ticket.Subject}\" has used 75 % of its {TargetName(target)} time.",
                CanSeeTicket(ticket));
        }
    }

    public void RaiseSlaBreached(HelpdeskDb db, Ticket ticket, SlaTarget target)
    {
        if (ticket.AssigneeId is { } assignee)
        {
            Deliver(db, assignee, null, NotificationKind.SlaBreached, TicketTarget(ticket),
                $"{ticket.NumberText} \"{ticket.Subject}\" missed its {TargetName(target)} target.",
                CanSeeTicket(ticket));
        }
    }

    /// <summary>
    /// Notifies the requester that their ticket became an incident. Only the incident's number is
    /// quoted: its title, category and severity belong to the investigation.
    /// </summary>
    public void RaiseTicketConverted(HelpdeskDb db, Ticket ticket, IncidentFacts incident, long? actorId)
    {
        Deliver(db, ticket.RequesterId, actorId, NotificationKind.TicketConverted,
            new Target("incident", incident.Id, NotificationLinks.MyReport(incident.Id)),
            $"Your ticket {ticket.NumberText} \"{ticket.Subject}\" was passed to the security team as {incident.NumberText}.",
            role => true);
    }

    /// <summary>Notifies every active Security Officer, except the reporter, about a new report.</summary>
    public void RaiseIncidentReported(HelpdeskDb db, IncidentFacts incident, long reporterId)
    {
        var officers = db.Users
            .Where(u => u.Role == Role.SecurityOfficer && u.IsActive)
            .Select(u => u.Id)
            .ToList();
        foreach (var officer in officers)
        {
            Deliver(db, officer, reporterId, NotificationKind.IncidentReported, IncidentTarget(incident),
                $"New security report {incident.NumberText}: {incident.Title}", CanSeeIncidents);
        }
    }

    public void RaiseIncidentAssigned(HelpdeskDb db, IncidentFacts incident, long ownerId, long? actorId)
    {
        Deliver(db, ownerId, actorId, NotificationKind.IncidentAssigned, IncidentTarget(incident),
            $"{incident.NumberText} \"{incident.Title}\" is assigned to you.", CanSeeIncidents);
    }

    public void RaiseTaskAssigned(HelpdeskDb db, IncidentTaskFacts task, long ownerId, long? actorId)
    {
        Deliver(db, ownerId, actorId, NotificationKind.TaskAssigned, TaskTarget(task),
            $"Task \"{task.Title}\" on {task.IncidentNumberText} is assigned to you.", CanSeeIncidents);
    }

    public void RaiseTaskOverdue(HelpdeskDb db, IncidentTaskFacts task, long ownerId)
    {
        Deliver(db, ownerId, null, NotificationKind.TaskOverdue, TaskTarget(task),
            $"Task \"{task.Title}\" on {task.IncidentNumberText} is overdue.", CanSeeIncidents);
    }

    /// <summary>True when the person may see the ticket: its requester, or any staff role.</summary>
    private static Func<Data.User, bool> CanSeeTicket(Ticket ticket) =>
        user => user.Id == ticket.RequesterId || user.Role is not Role.User;

    private static bool CanSeeIncidents(Data.User user) =>
        user.Role is Role.SecurityOfficer or Role.Admin;

    private void Deliver(
        HelpdeskDb db,
        long recipientId,
        long? actorId,
        NotificationKind kind,
        Target target,
        string text,
        Func<Data.User, bool> mayRead)
    {
        if (db.Transaction is null)
        {
            throw new InvalidOperationException(
                "A notification must be written inside the transaction of the change it announces.");
        }

        if (recipientId == actorId)
        {
            return;
        }

        var recipient = db.Users.FirstOrDefault(u => u.Id == recipientId && u.IsActive);
        if (recipient is null || !mayRead(recipient)
            || db.NotificationOptOuts.Any(o => o.UserId == recipientId && o.Kind == kind))
        {
            return;
        }

        db.Insert(new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            EntityType = target.EntityType,
            EntityId = target.EntityId,
            Link = target.Link,
            Text = Truncate(text, MaxTextLength),
            CreatedAt = clock.UtcNowMicroseconds(),
        });
    }

    private static Target TicketTarget(Ticket ticket) =>
        new("ticket", ticket.Id, NotificationLinks.Ticket(ticket.Number));

    private static Target IncidentTarget(IncidentFacts incident) =>
        new("incident", incident.Id, NotificationLinks.Incident(incident.Id));

    private static Target TaskTarget(IncidentTaskFacts task) =>
        new("incident_task", task.Id, NotificationLinks.Incident(task.IncidentId));

    private static string TargetName(SlaTarget target) =>
        target == SlaTarget.FirstResponse ? "first response" : "resolution";

    private static string Excerpt(string body)
    {
        var flat = string.Join(' ', body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Truncate(flat, ExcerptLength);
    }

    private static string Truncate(string text, int length) =>
        text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private sealed record Target(string EntityType, long EntityId, string Link);
}

/// <summary>The pages notifications open; one place so a route change is one edit.</summary>
public static class NotificationLinks
{
    public static string Ticket(long number) => $"/tickets/{number}";

    public static string Incident(long id) => $"/incidents/{id}";

    /// <summary>The reporter's status view of an incident; the full incident page returns 404 to a reporter.</summary>
    public static string MyReport(long id) => $"/incidents/mine/{id}";
}
