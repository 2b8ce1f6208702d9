using LinqToDB.Mapping;

namespace HelpdeskLite.Audit;

/// <summary>
/// A record of the chain head at one moment. Its own MAC proves the product wrote it, so a
/// checkpoint typed into the table by hand is ignored rather than trusted.
/// </summary>
[Table("audit_checkpoints")]
public sealed class AuditCheckpoint
{
    [Column("seq"), PrimaryKey]
    public long Sequence { get; set; }

    [Column("mac"), NotNull]
    public string Mac { get; set; } = "";

    [Column("written_at")]
    public DateTime WrittenAt { get; set; }

    [Column("key_id"), NotNull]
    public string KeyId { get; set; } = "";

    [Column("checkpoint_mac"), NotNull]
    public string CheckpointMac { get; set; } = "";
}
