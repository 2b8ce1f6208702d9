using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>Who may see and do what with a ticket; every query and command asks here.</summary>
public static class TicketAccess
{
    /// <summary>Staff see every ticket; a user sees only the tickets they requested.</summary>
    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, CurrentUser viewer) =>
        viewer.IsStaff ? tickets : tickets.Where(t => t.RequesterId == viewer.Id);

    public static bool CanSee(CurrentUser viewer, Ticket ticket) =>
        viewer.IsStaff || ticket.RequesterId == viewer.Id;

    /// <summary>Internal notes and internal history are for staff only.</summary>
    public static bool SeesInternal(CurrentUser viewer) => viewer.IsStaff;

    /// <summary>Agents and the requester may comment; security officers only read tickets.</summary>
    public static bool CanComment(CurrentUser viewer, Ticket ticket) =>
        ticket.Status != TicketStatus.Closed && (viewer.IsAgent || ticket.RequesterId == viewer.Id);

    public static WorkflowActor ActorFor(CurrentUser viewer, Ticket ticket) =>
        new(viewer.Role, ticket.RequesterId == viewer.Id, ticket.AssigneeId == viewer.Id);

    public static bool IsAgentRole(Role role) => role is Role.ItSupport or Role.Admin;
}
