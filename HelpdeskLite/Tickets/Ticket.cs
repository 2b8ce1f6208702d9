using LinqToDB.Mapping;

namespace HelpdeskLite.Tickets;

/// <summary>A request for IT help, with its workflow state and stored SLA times.</summary>
[Table("tickets")]
public sealed class Ticket
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    /// <summary>The number people quote ("T-1042"); assigned once at filing and never changed.</summary>
    [Column("number")]
    public long Number { get; set; }

    [Column("subject"), NotNull]
    public string Subject { get; set; } = "";

    [Column("description"), NotNull]
    public string Description { get; set; } = "";

    [Column("request_type")]
    public RequestType RequestType { get; set; }

    [Column("impact")]
    public Level Impact { get; set; }

    [Column("urgency")]
    public Level Urgency { get; set; }

    [Column("priority")]
    public Priority Priority { get; set; }

    [Column("priority_overridden")]
    public bool PriorityOverridden { get; set; }

    [Column("status")]
    public TicketStatus Status { get; set; }

    [Column("requester_id")]
    public long RequesterId { get; set; }

    /// <summary>Who filed it: the requester, or an agent filing on the requester's behalf.</summary>
    [Column("created_by_id")]
    public long CreatedById { get; set; }

    [Column("assignee_id")]
    public long? AssigneeId { get; set; }

    /// <summary>A closed ticket this one follows up.</summary>
    [Column("related_ticket_id")]
    public long? RelatedTicketId { get; set; }

    [Column("resolution_note")]
    public string? ResolutionNote { get; set; }

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }

    [Column("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [Column("first_response_at")]
    public DateTime? FirstResponseAt { get; set; }

    [Column("resolved_at")]
    public DateTime? ResolvedAt { get; set; }

    [Column("closed_at")]
    public DateTime? ClosedAt { get; set; }

    /// <summary>Null while the first response is still owed but the ticket is paused.</summary>
    [Column("first_response_due")]
    public DateTime? FirstResponseDue { get; set; }

    [Column("first_response_warn_at")]
    public DateTime? FirstResponseWarnAt { get; set; }

    /// <summary>Null while the SLA clock is paused (waiting for the user).</summary>
    [Column("resolution_due")]
    public DateTime? ResolutionDue { get; set; }

    [Column("resolution_warn_at")]
    public DateTime? ResolutionWarnAt { get; set; }

    [Column("sla_state")]
    public SlaState SlaState { get; set; }

    [Column("first_response_breached_at")]
    public DateTime? FirstResponseBreachedAt { get; set; }

    [Column("resolution_breached_at")]
    public DateTime? ResolutionBreachedAt { get; set; }

    [Column("sla_warned_at")]
    public DateTime? SlaWarnedAt { get; set; }

    /// <summary>When an unconfirmed resolved ticket closes by itself.</summary>
    [Column("auto_close_at")]
    public DateTime? AutoCloseAt { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }

    public string NumberText => TicketNames.Format(Number);
}

/// <summary>A public comment the requester sees, or an internal note for agents only.</summary>
[Table("ticket_comments")]
public sealed class TicketComment
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("ticket_id")]
    public long TicketId { get; set; }

    [Column("author_id")]
    public long AuthorId { get; set; }

    [Column("body"), NotNull]
    public string Body { get; set; } = "";

    [Column("is_internal")]
    public bool IsInternal { get; set; }

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }
}

/// <summary>An uploaded file kept by the file store under a random key.</summary>
[Table("ticket_attachments")]
public sealed class TicketAttachment
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("ticket_id")]
    public long TicketId { get; set; }

    /// <summary>The comment it came with; null for files attached when the ticket was filed.</summary>
    [Column("comment_id")]
    public long? CommentId { get; set; }

    /// <summary>True when it belongs to an internal note, so requesters never see or fetch it.</summary>
    [Column("is_internal")]
    public bool IsInternal { get; set; }

    [Column("uploaded_by_id")]
    public long UploadedById { get; set; }

    [Column("storage_key"), NotNull]
    public string StorageKey { get; set; } = "";

    [Column("sha256"), NotNull]
    public string Sha256 { get; set; } = "";

    [Column("size_bytes")]
    public long SizeBytes { get; set; }

    [Column("file_name"), NotNull]
    public string FileName { get; set; } = "";

    [Column("content_type"), NotNull]
    public string ContentType { get; set; } = "";

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }
}

/// <summary>One entry of a ticket's history: a status, assignee, priority or field change.</summary>
[Table("ticket_events")]
public sealed class TicketEvent
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("ticket_id")]
    public long TicketId { get; set; }

    [Column("occurred_at")]
    public DateTime OccurredAt { get; set; }

    /// <summary>Null for changes made by the product itself, such as an automatic close.</summary>
    [Column("actor_id")]
    public long? ActorId { get; set; }

    [Column("kind")]
    public TicketEventKind Kind { get; set; }

    [Column("from_value")]
    public string? FromValue { get; set; }

    [Column("to_value")]
    public string? ToValue { get; set; }

    [Column("note")]
    public string? Note { get; set; }

    /// <summary>True for entries only agents see, such as an internal note's existence.</summary>
    [Column("is_internal")]
    public bool IsInternal { get; set; }
}

public enum TicketEventKind
{
    Created = 0,
    StatusChanged = 1,
    Assigned = 2,
    PriorityChanged = 3,
    SlaBreached = 4,
    SlaWarning = 5,
    FieldChanged = 6,
    SlaRecomputed = 7,
}

/// <summary>A stretch of time in which the SLA clock stood still.</summary>
[Table("sla_pauses")]
public sealed class SlaPause
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("ticket_id")]
    public long TicketId { get; set; }

    [Column("started_at")]
    public DateTime StartedAt { get; set; }

    /// <summary>Null while the pause lasts.</summary>
    [Column("ended_at")]
    public DateTime? EndedAt { get; set; }

    [Column("reason"), NotNull]
    public string Reason { get; set; } = "";

    [Column("caused_by_id")]
    public long? CausedById { get; set; }
}
