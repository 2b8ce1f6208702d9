using LinqToDB.Mapping;

namespace HelpdeskLite.Incidents;

/// <summary>A security incident, from the first report to the post-incident review.</summary>
[Table("incidents")]
public sealed class Incident
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    /// <summary>The number people quote ("INC-1001"); assigned once and never changed.</summary>
    [Column("number")]
    public long Number { get; set; }

    [Column("title"), NotNull]
    public string Title { get; set; } = "";

    /// <summary>The title as first reported, which the reporter keeps seeing when the team renames the incident.</summary>
    [Column("reported_title"), NotNull]
    public string ReportedTitle { get; set; } = "";

    /// <summary>What happened, in the reporter's words.</summary>
    [Column("description"), NotNull]
    public string Description { get; set; } = "";

    /// <summary>Which systems or data the reporter thinks are affected.</summary>
    [Column("affected_text"), NotNull]
    public string AffectedText { get; set; } = "";

    /// <summary>When the reporter noticed it.</summary>
    [Column("noticed_at")]
    public DateTime? NoticedAt { get; set; }

    [Column("reporter_id")]
    public long ReporterId { get; set; }

    /// <summary>The ticket this incident was converted from; unique, so a ticket converts once.</summary>
    [Column("source_ticket_id")]
    public long? SourceTicketId { get; set; }

    [Column("converted_by_id")]
    public long? ConvertedById { get; set; }

    [Column("status")]
    public IncidentStatus Status { get; set; }

    [Column("category")]
    public IncidentCategory? Category { get; set; }

    [Column("confidentiality")]
    public ImpactLevel Confidentiality { get; set; }

    [Column("integrity")]
    public ImpactLevel Integrity { get; set; }

    [Column("availability")]
    public ImpactLevel Availability { get; set; }

    [Column("users_affected")]
    public int? UsersAffected { get; set; }

    [Column("systems_affected")]
    public int? SystemsAffected { get; set; }

    [Column("scope_note"), NotNull]
    public string ScopeNote { get; set; } = "";

    [Column("personal_data")]
    public bool PersonalData { get; set; }

    [Column("severity")]
    public Severity? Severity { get; set; }

    /// <summary>Why the severity differs from the proposal; required whenever it does.</summary>
    [Column("severity_justification")]
    public string? SeverityJustification { get; set; }

    [Column("detection_source"), NotNull]
    public string DetectionSource { get; set; } = "";

    [Column("owner_id")]
    public long? OwnerId { get; set; }

    [Column("tlp")]
    public Tlp? Tlp { get; set; }

    /// <summary>When the incident itself began, as the investigation established it.</summary>
    [Column("occurred_at")]
    public DateTime? OccurredAt { get; set; }

    /// <summary>When it was first detected; the report's noticed time until an analyst sets it.</summary>
    [Column("detected_at")]
    public DateTime? DetectedAt { get; set; }

    [Column("reported_at")]
    public DateTime ReportedAt { get; set; }

    [Column("triaged_at")]
    public DateTime? TriagedAt { get; set; }

    [Column("containment_actions")]
    public string? ContainmentActions { get; set; }

    /// <summary>When containment took effect, which can be earlier than when it was recorded.</summary>
    [Column("contained_at")]
    public DateTime? ContainedAt { get; set; }

    [Column("recovery_actions")]
    public string? RecoveryActions { get; set; }

    [Column("recovered_at")]
    public DateTime? RecoveredAt { get; set; }

    [Column("root_cause")]
    public string? RootCause { get; set; }

    [Column("contributing_factors")]
    public string? ContributingFactors { get; set; }

    [Column("lessons_learned")]
    public string? LessonsLearned { get; set; }

    [Column("closed_at")]
    public DateTime? ClosedAt { get; set; }

    /// <summary>True when the incident was closed as a false positive; cleared when it is reopened.</summary>
    [Column("false_positive")]
    public bool FalsePositive { get; set; }

    /// <summary>Why the report turned out not to be an incident; set together with FalsePositive.</summary>
    [Column("false_positive_reason")]
    public string? FalsePositiveReason { get; set; }

    [Column("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }

    public string NumberText => IncidentNames.Format(Number);

    public Severity ProposedSeverity =>
        SeverityRule.Propose(Confidentiality, Integrity, Availability, PersonalData, UsersAffected, SystemsAffected);

    public Incident Clone() => (Incident)MemberwiseClone();
}

/// <summary>A system, device, account or data set the incident touches.</summary>
[Table("incident_assets")]
public sealed class IncidentAsset
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("incident_id")]
    public long IncidentId { get; set; }

    [Column("name"), NotNull]
    public string Name { get; set; } = "";

    [Column("added_at")]
    public DateTime AddedAt { get; set; }
}

/// <summary>
/// One entry of the incident's timeline. OccurredAt is when the event happened, RecordedAt when
/// it was written down; an automatic entry has both equal.
/// </summary>
[Table("incident_timeline")]
public sealed class TimelineEntry
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("incident_id")]
    public long IncidentId { get; set; }

    [Column("kind")]
    public TimelineKind Kind { get; set; }

    [Column("occurred_at")]
    public DateTime OccurredAt { get; set; }

    [Column("recorded_at")]
    public DateTime RecordedAt { get; set; }

    [Column("author_id")]
    public long? AuthorId { get; set; }

    [Column("body"), NotNull]
    public string Body { get; set; } = "";

    [Column("edited_at")]
    public DateTime? EditedAt { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }
}

/// <summary>
/// An evidence item. Rows are never updated except to mark them superseded, and never deleted;
/// the database enforces both with triggers.
/// </summary>
[Table("incident_evidence")]
public sealed class Evidence
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("incident_id")]
    public long IncidentId { get; set; }

    [Column("origin")]
    public EvidenceOrigin Origin { get; set; }

    /// <summary>The file store key; null for text evidence such as a ticket description.</summary>
    [Column("storage_key")]
    public string? StorageKey { get; set; }

    /// <summary>The text itself for text evidence; null for files.</summary>
    [Column("content_text")]
    public string? ContentText { get; set; }

    [Column("sha256"), NotNull]
    public string Sha256 { get; set; } = "";

    [Column("size_bytes")]
    public long SizeBytes { get; set; }

    [Column("file_name"), NotNull]
    public string FileName { get; set; } = "";

    [Column("description"), NotNull]
    public string Description { get; set; } = "";

    /// <summary>The ticket attachment it was carried over from, when converted.</summary>
    [Column("source_attachment_id")]
    public long? SourceAttachmentId { get; set; }

    [Column("added_by_id")]
    public long AddedById { get; set; }

    [Column("added_at")]
    public DateTime AddedAt { get; set; }

    [Column("superseded_at")]
    public DateTime? SupersededAt { get; set; }

    [Column("superseded_by_id")]
    public long? SupersededById { get; set; }

    [Column("superseded_reason")]
    public string? SupersededReason { get; set; }
}

/// <summary>An investigation or corrective task.</summary>
[Table("incident_tasks")]
public sealed class IncidentTask
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("incident_id")]
    public long IncidentId { get; set; }

    [Column("kind")]
    public IncidentTaskKind Kind { get; set; }

    [Column("title"), NotNull]
    public string Title { get; set; } = "";

    [Column("owner_id")]
    public long? OwnerId { get; set; }

    /// <summary>A calendar date, stored as midnight UTC of that date.</summary>
    [Column("due_date")]
    public DateTime? DueDate { get; set; }

    [Column("is_done")]
    public bool IsDone { get; set; }

    [Column("done_at")]
    public DateTime? DoneAt { get; set; }

    /// <summary>Time the owner was notified that the task is overdue, cleared when the due date or owner changes.</summary>
    [Column("overdue_notified_at")]
    public DateTime? OverdueNotifiedAt { get; set; }

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }
}

/// <summary>An indicator seen in the incident: an address, hash, name or account.</summary>
[Table("incident_observables")]
public sealed class Observable
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("incident_id")]
    public long IncidentId { get; set; }

    [Column("kind")]
    public ObservableKind Kind { get; set; }

    /// <summary>The value as entered. Pages show it only defanged.</summary>
    [Column("value"), NotNull]
    public string Value { get; set; } = "";

    /// <summary>The value in the form searches compare, such as lower case for domains.</summary>
    [Column("normalized_value"), NotNull]
    public string NormalizedValue { get; set; } = "";

    [Column("note"), NotNull]
    public string Note { get; set; } = "";

    [Column("added_by_id")]
    public long AddedById { get; set; }

    [Column("added_at")]
    public DateTime AddedAt { get; set; }
}

/// <summary>One step of a category's playbook, copied into the tasks of a triaged incident.</summary>
[Table("incident_playbook_steps")]
public sealed class PlaybookStep
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("category")]
    public IncidentCategory Category { get; set; }

    [Column("position")]
    public int Position { get; set; }

    [Column("kind")]
    public IncidentTaskKind Kind { get; set; }

    [Column("title"), NotNull]
    public string Title { get; set; } = "";
}

/// <summary>The single row that hands out incident numbers, one after another.</summary>
[Table("incident_counter")]
public sealed class IncidentCounter
{
    [Column("id"), PrimaryKey]
    public int Id { get; set; }

    [Column("last_number")]
    public long LastNumber { get; set; }
}
