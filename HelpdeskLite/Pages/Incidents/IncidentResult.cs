namespace HelpdeskLite.Pages.Incidents;

public enum IncidentOutcome
{
    Done,
    NotFound,
    Stale,
    Rejected,
}

/// <summary>The outcome of a change: done, or why not, with what is missing for a transition.</summary>
public sealed record IncidentResult(IncidentOutcome Outcome, string? Message = null, long? Id = null)
{
    public const string StaleMessage =
        "This incident was changed by someone else meanwhile. The page now shows the current state; check it and try again.";

    public static readonly IncidentResult NotFound = new(IncidentOutcome.NotFound, "That incident was not found.");

    public static readonly IncidentResult Stale = new(IncidentOutcome.Stale, StaleMessage);

    public bool Succeeded => Outcome == IncidentOutcome.Done;

    public static IncidentResult Done(long? id = null) => new(IncidentOutcome.Done, null, id);

    public static IncidentResult Rejected(string message) => new(IncidentOutcome.Rejected, message);

    public int StatusCode => Outcome switch
    {
        IncidentOutcome.Done => StatusCodes.Status200OK,
        IncidentOutcome.NotFound => StatusCodes.Status404NotFound,
        IncidentOutcome.Stale => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
