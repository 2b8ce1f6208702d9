namespace HelpdeskLite.Tickets;

/// <summary>Where a ticket stands in its workflow; the numbers are stored and never change.</summary>
public enum TicketStatus
{
    New = 0,
    Assigned = 1,
    InProgress = 2,
    WaitingForUser = 3,
    Resolved = 4,
    Closed = 5,
}

/// <summary>What a ticket asks for; the numbers are stored and never change.</summary>
public enum RequestType
{
    AccountPassword = 0,
    SoftwareInstallation = 1,
    Hardware = 2,
    NetworkInternet = 3,
    AccessRequests = 4,
    General = 5,
}

/// <summary>How fast a ticket must be handled; the numbers are stored and never change.</summary>
public enum Priority
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>Impact or urgency as the requester rates it, the two inputs of the priority matrix.</summary>
public enum Level
{
    Low = 0,
    Medium = 1,
    High = 2,
}

/// <summary>Where a ticket stands against its SLA targets, as the background job last stored it.</summary>
public enum SlaState
{
    OnTrack = 0,
    AtRisk = 1,
    Breached = 2,
    Paused = 3,
    Met = 4,
}

public static class TicketNames
{
    public static string Display(this TicketStatus status) => status switch
    {
        TicketStatus.InProgress => "In Progress",
        TicketStatus.WaitingForUser => "Waiting for User",
        _ => status.ToString(),
    };

    public static string Display(this RequestType type) => type switch
    {
        RequestType.AccountPassword => "Account/Password",
        RequestType.SoftwareInstallation => "Software Installation",
        RequestType.NetworkInternet => "Network/Internet",
        RequestType.AccessRequests => "Access Requests",
        _ => type.ToString(),
    };

    public static string Display(this SlaState state) => state switch
    {
        SlaState.OnTrack => "On track",
        SlaState.AtRisk => "At risk",
        _ => state.ToString(),
    };

    public static bool IsOpen(this TicketStatus status) => status != TicketStatus.Closed;

    /// <summary>Formats a ticket number as people quote it, such as "T-1042".</summary>
    public static string Format(long number) => $"T-{number}";
}
