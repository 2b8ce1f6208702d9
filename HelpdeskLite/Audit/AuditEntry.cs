using LinqToDB.Mapping;

namespace HelpdeskLite.Audit;

[Table("audit_entries")]
public sealed class AuditEntry
{
    [Column("seq"), PrimaryKey]
    public long Sequence { get; set; }

    [Column("occurred_at")]
    public DateTime OccurredAt { get; set; }

    [Column("actor_id")]
    public long? ActorId { get; set; }

    [Column("actor_name"), NotNull]
    public string ActorName { get; set; } = "";

    [Column("client_ip"), NotNull]
    public string ClientIp { get; set; } = "";

    [Column("action")]
    public AuditEvent Action { get; set; }

    [Column("entity_type"), NotNull]
    public string EntityType { get; set; } = "";

    [Column("entity_id"), NotNull]
    public string EntityId { get; set; } = "";

    [Column("details"), NotNull]
    public string Details { get; set; } = "{}";

    [Column("prev_mac"), NotNull]
    public string PreviousMac { get; set; } = "";

    [Column("mac"), NotNull]
    public string Mac { get; set; } = "";

    [Column("key_id"), NotNull]
    public string KeyId { get; set; } = "";
}

/// <summary>The single row every append locks, so appends are serialised across nodes.</summary>
[Table("audit_head")]
public sealed class AuditHead
{
    [Column("id"), PrimaryKey]
    public int Id { get; set; }

    [Column("last_seq")]
    public long LastSequence { get; set; }

    [Column("last_mac"), NotNull]
    public string LastMac { get; set; } = "";
}
