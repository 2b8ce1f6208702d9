using LinqToDB;
using LinqToDB.Mapping;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<RecoveryCode> RecoveryCodes => this.GetTable<RecoveryCode>();

    public ITable<TwoFactorState> TwoFactorStates => this.GetTable<TwoFactorState>();
}

/// <summary>A single-use recovery code, stored as its SHA-256.</summary>
[Table("recovery_codes")]
public sealed class RecoveryCode
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("user_id")]
    public long UserId { get; set; }

    [Column("code_hash"), NotNull]
    public string CodeHash { get; set; } = "";

    [Column("used_at")]
    public DateTime? UsedAt { get; set; }
}

/// <summary>The two-factor columns of the users table.</summary>
[Table("users")]
public sealed class TwoFactorState
{
    [Column("id"), PrimaryKey]
    public long Id { get; set; }

    [Column("totp_secret")]
    public string? Secret { get; set; }

    [Column("totp_enabled")]
    public bool Enabled { get; set; }

    [Column("totp_last_step")]
    public long? LastStep { get; set; }
}
