using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>The fields of the new-ticket form. Requester and priority apply only when an agent sets them.</summary>
public sealed class NewTicketInput
{
    public string? Subject { get; set; }

    public string? Description { get; set; }

    public RequestType RequestType { get; set; } = RequestType.General;

    public Level Impact { get; set; } = Level.Medium;

    public Level Urgency { get; set; } = Level.Medium;

    public long? RequesterId { get; set; }

    public Priority? PriorityOverride { get; set; }

    public string? OverrideReason { get; set; }

    /// <summary>A closed ticket this one follows up, as its number ("T-1042" or "1042").</summary>
    public string? RelatedTicket { get; set; }
}

public enum CommandStatus
{
    Ok,
    NotFound,
    Invalid,
    Stale,
}

/// <summary>The outcome of a ticket command: done, or why nothing changed.</summary>
public sealed record CommandResult(CommandStatus Status, string? Message = null, long Number = 0)
{
    public const string StaleMessage =
        "This ticket was changed by someone else meanwhile. The page now shows its current state; check it and try again.";

    public const string NotFoundMessage = "That ticket was not found.";

    public static CommandResult Ok(long number, string? message = null) => new(CommandStatus.Ok, message, number);

    public static CommandResult Invalid(string message) => new(CommandStatus.Invalid, message);

    public static readonly CommandResult NotFound = new(CommandStatus.NotFound, NotFoundMessage);

    public static readonly CommandResult Stale = new(CommandStatus.Stale, StaleMessage);

    public bool Succeeded => Status == CommandStatus.Ok;

    public int HttpStatus => Status switch
    {
        CommandStatus.NotFound => StatusCodes.Status404NotFound,
        CommandStatus.Stale => StatusCodes.Status409Conflict,
        CommandStatus.Invalid => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status200OK,
    };
}
