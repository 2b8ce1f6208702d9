using LinqToDB;
using LinqToDB.Mapping;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<DataProtectionKey> DataProtectionKeys => this.GetTable<DataProtectionKey>();
}

/// <summary>One key of the data-protection key ring, as the XML the key manager wrote.</summary>
[Table("data_protection_keys")]
public sealed class DataProtectionKey
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("friendly_name"), NotNull]
    public string FriendlyName { get; set; } = "";

    [Column("xml"), NotNull]
    public string Xml { get; set; } = "";

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }
}
