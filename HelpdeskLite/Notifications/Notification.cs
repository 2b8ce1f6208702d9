using LinqToDB.Mapping;

namespace HelpdeskLite.Notifications;

/// <summary>What a notification is about. The numbers are stored and never change.</summary>
public enum NotificationKind
{
    TicketAssigned = 1,
    TicketStatusChanged = 2,
    TicketPublicComment = 3,
    TicketRequesterReplied = 4,
    SlaAtRisk = 5,
    SlaBreached = 6,
    TicketConverted = 7,
    IncidentReported = 8,
    IncidentAssigned = 9,
    TaskAssigned = 10,
    TaskOverdue = 11,
    ReportStatusChanged = 12,
    ReportMessage = 13,
}

/// <summary>One message to one person, pointing at the record it is about.</summary>
[Table("notifications")]
public sealed class Notification
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("recipient_id")]
    public long RecipientId { get; set; }

    [Column("kind")]
    public NotificationKind Kind { get; set; }

    /// <summary>"ticket", "incident", "incident_task" or "incident_report" (the reporter's status view).</summary>
    [Column("entity_type"), NotNull]
    public string EntityType { get; set; } = "";

    [Column("entity_id")]
    public long EntityId { get; set; }

    /// <summary>The page the notification opens, relative to the site root.</summary>
    [Column("link"), NotNull]
    public string Link { get; set; } = "";

    /// <summary>Built only from facts the recipient may see, when the notification is raised.</summary>
    [Column("text"), NotNull]
    public string Text { get; set; } = "";

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }

    [Column("is_read")]
    public bool IsRead { get; set; }

    [Column("read_at")]
    public DateTime? ReadAt { get; set; }
}

/// <summary>
/// A kind one person chose not to receive. Every kind is on by default, so only opt-outs are
/// stored and a kind added later reaches everyone.
/// </summary>
[Table("notification_opt_outs")]
public sealed class NotificationOptOut
{
    [Column("user_id"), PrimaryKey(0)]
    public long UserId { get; set; }

    [Column("kind"), PrimaryKey(1)]
    public NotificationKind Kind { get; set; }
}

public static class NotificationKinds
{
    public static string Display(this NotificationKind kind) => kind switch
    {
        NotificationKind.TicketAssigned => "A ticket is assigned to me",
        NotificationKind.TicketStatusChanged => "A ticket I filed changes status",
        NotificationKind.TicketPublicComment => "A ticket I filed gets a reply",
        NotificationKind.TicketRequesterReplied => "The requester replies on a ticket I work",
        NotificationKind.SlaAtRisk => "An SLA target I own reaches 75 %",
        NotificationKind.SlaBreached => "An SLA target I own is breached",
        NotificationKind.TicketConverted => "A ticket I filed becomes a security incident",
        NotificationKind.IncidentReported => "A security incident is reported",
        NotificationKind.IncidentAssigned => "An incident is assigned to me",
        NotificationKind.TaskAssigned => "An incident task is assigned to me",
        NotificationKind.TaskOverdue => "An incident task I own is overdue",
        NotificationKind.ReportStatusChanged => "A security event I reported changes status",
        NotificationKind.ReportMessage => "The security team sends me a message about my report",
        _ => kind.ToString(),
    };

    public static IReadOnlyList<NotificationKind> All { get; } = Enum.GetValues<NotificationKind>();
}
