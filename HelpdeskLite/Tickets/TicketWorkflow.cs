using HelpdeskLite.Data;

namespace HelpdeskLite.Tickets;

/// <summary>Who takes a transition, as the workflow sees them. System is the product itself.</summary>
public sealed record WorkflowActor(Role? Role, bool IsRequester, bool IsAssignee)
{
    public static readonly WorkflowActor System = new(null, false, false);

    public bool IsSystem => Role is null;

    public bool IsAgent => Role is Data.Role.ItSupport or Data.Role.Admin;
}

/// <summary>Who may take a transition.</summary>
[Flags]
public enum AllowedActors
{
    None = 0,
    ItSupport = 1,
    Admin = 2,
    Assignee = 4,
    Requester = 8,
    System = 16,
    Agents = ItSupport | Admin,
}

/// <summary>What a transition needs besides a permitted actor.</summary>
public enum Requirement
{
    None,
    AssigneeWithItSupportRole,
    PublicComment,
    ResolutionNote,
    ReasonWithinReopenWindow,
}

/// <summary>What comes with a transition request.</summary>
public sealed record TransitionInput(
    Role? AssigneeRole = null,
    string? Text = null,
    bool WithinReopenWindow = false);

public sealed record Transition(TicketStatus From, TicketStatus To, AllowedActors Actors, Requirement Requirement, string Verb);

/// <summary>
/// The ticket workflow as one table: each permitted move, who may take it and what it needs.
/// Any move not listed is refused. Reassignment is not a status move and is checked apart.
/// </summary>
public static class TicketWorkflow
{
    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(TicketStatus.New, TicketStatus.Assigned, AllowedActors.Agents, Requirement.AssigneeWithItSupportRole, "Assign"),
        new(TicketStatus.Assigned, TicketStatus.InProgress, AllowedActors.Assignee | AllowedActors.Admin, Requirement.None, "Start work"),
        new(TicketStatus.InProgress, TicketStatus.WaitingForUser, AllowedActors.Agents, Requirement.PublicComment, "Ask the requester"),
        new(TicketStatus.WaitingForUser, TicketStatus.InProgress, AllowedActors.Agents | AllowedActors.Requester, Requirement.None, "Resume work"),
        new(TicketStatus.InProgress, TicketStatus.Resolved, AllowedActors.Agents, Requirement.ResolutionNote, "Resolve"),
        new(TicketStatus.Resolved, TicketStatus.Closed, AllowedActors.Requester | AllowedActors.System, Requirement.None, "Confirm and close"),
        new(TicketStatus.Resolved, TicketStatus.InProgress, AllowedActors.Requester, Requirement.ReasonWithinReopenWindow, "Reopen"),
    ];

    public static Transition? Find(TicketStatus from, TicketStatus to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to);

    /// <summary>Returns why the move is refused, or null when it may go ahead.</summary>
    public static string? Check(TicketStatus from, TicketStatus to, WorkflowActor actor, TransitionInput input)
    {
        var transition = Find(from, to);
        if (transition is null)
        {
            return $"A ticket cannot move from {from.Display()} to {to.Display()}.";
        }

        if (!IsAllowed(transition.Actors, actor))
        {
            return $"You may not move this ticket from {from.Display()} to {to.Display()}.";
        }

        return transition.Requirement switch
        {
            Requirement.AssigneeWithItSupportRole when input.AssigneeRole != Role.ItSupport =>
                "Choose an assignee who has the IT Support role.",
            Requirement.PublicComment when string.IsNullOrWhiteSpace(input.Text) =>
                "Write a public comment that asks the requester what you need.",
            Requirement.ResolutionNote when string.IsNullOrWhiteSpace(input.Text) =>
                "Write a resolution note; the requester sees it.",
            Requirement.ReasonWithinReopenWindow when !input.WithinReopenWindow =>
                "The reopen window has ended. File a new ticket that refers to this one.",
            Requirement.ReasonWithinReopenWindow when string.IsNullOrWhiteSpace(input.Text) =>
                "Give a reason for reopening the ticket.",
            _ => null,
        };
    }

    /// <summary>Lists the moves from a status that this actor may be offered.</summary>
    public static IReadOnlyList<Transition> Available(TicketStatus from, WorkflowActor actor) =>
        Transitions.Where(t => t.From == from && IsAllowed(t.Actors, actor)).ToList();

    /// <summary>Returns why reassignment is refused, or null when it may go ahead.</summary>
    public static string? CheckReassign(TicketStatus status, WorkflowActor actor, Role? assigneeRole)
    {
        if (!actor.IsAgent)
        {
            return "Only IT Support and administrators can assign tickets.";
        }

        if (status == TicketStatus.Closed)
        {
            return "A closed ticket cannot be reassigned.";
        }

        return assigneeRole == Role.ItSupport ? null : "Choose an assignee who has the IT Support role.";
    }

    public static bool IsAllowed(AllowedActors allowed, WorkflowActor actor) =>
        (actor.IsSystem && allowed.HasFlag(AllowedActors.System))
        || (actor.Role == Role.ItSupport && allowed.HasFlag(AllowedActors.ItSupport))
        || (actor.Role == Role.Admin && allowed.HasFlag(AllowedActors.Admin))
        || (!actor.IsSystem && actor.IsAssignee && allowed.HasFlag(AllowedActors.Assignee))
        || (!actor.IsSystem && actor.IsRequester && allowed.HasFlag(AllowedActors.Requester));
}
