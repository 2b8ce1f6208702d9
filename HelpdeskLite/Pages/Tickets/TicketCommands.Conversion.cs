using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

public sealed partial class TicketCommands
{
    /// <summary>
    /// Records on a ticket that it became a security incident, inside the caller's transaction:
    /// an internal note naming the incident, a public comment for the requester that reveals
    /// nothing of the investigation, and, when <paramref name="resolve"/> is set, the move to
    /// Resolved with its SLA pause. Returns false when the ticket changed meanwhile.
    /// </summary>
    public bool RecordConversion(
        HelpdeskDb db, AuditActor actor, Ticket ticket, long actorId, string incidentNumber, string requesterMessage,
        bool resolve, DateTime now)
    {
        var expected = ticket.RowVersion;
        InsertComment(db, actor, ticket, actorId, $"Converted to incident {incidentNumber}.", true, now);
        InsertComment(db, actor, ticket, actorId, requesterMessage, false, now);
        ticket.FirstResponseAt ??= now;
        if (resolve && ticket.Status is not (TicketStatus.Resolved or TicketStatus.Closed))
        {
            ticket.ResolutionNote = requesterMessage;
            Move(db, actor, ticket, actorId, TicketStatus.Resolved, null, now);
        }

        ticket.UpdatedAt = now;
        return Save(db, ticket, expected);
    }

    /// <summary>
    /// Posts the security team's message to the requester of a converted ticket as a public
    /// comment on that ticket, because the requester follows the ticket, not the incident. The
    /// comment raises the usual notification.
    /// </summary>
    public void RelayToRequester(HelpdeskDb db, AuditActor actor, long ticketId, long authorId, string text, DateTime now)
    {
        var ticket = db.Tickets.Single(t => t.Id == ticketId);
        InsertComment(db, actor, ticket, authorId, text, false, now);
    }
}
