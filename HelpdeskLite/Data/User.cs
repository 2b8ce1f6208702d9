using LinqToDB.Mapping;

namespace HelpdeskLite.Data;

[Table("users")]
public sealed class User
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("username"), NotNull]
    public string Username { get; set; } = "";

    [Column("display_name"), NotNull]
    public string DisplayName { get; set; } = "";

    [Column("role")]
    public Role Role { get; set; }

    [Column("password_hash"), NotNull]
    public string PasswordHash { get; set; } = "";

    /// <summary>Changes whenever the password, role or active state changes; tokens carry it.</summary>
    [Column("security_stamp"), NotNull]
    public string SecurityStamp { get; set; } = "";

    [Column("is_active")]
    public bool IsActive { get; set; } = true;

    [Column("must_change_password")]
    public bool MustChangePassword { get; set; }

    [Column("failed_sign_ins")]
    public int FailedSignIns { get; set; }

    [Column("locked_until")]
    public DateTime? LockedUntil { get; set; }

    [Column("time_zone"), NotNull]
    public string TimeZone { get; set; } = "UTC";

    [Column("created_at")]
    public DateTime CreatedAt { get; set; }

    [Column("last_sign_in_at")]
    public DateTime? LastSignInAt { get; set; }

    [Column("totp_secret")]
    public string? TotpSecret { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }
}

[Table("setup_tokens")]
public sealed class SetupToken
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    /// <summary>SHA-256 of the token in hex; the token itself is only ever printed once.</summary>
    [Column("token_hash"), NotNull]
    public string TokenHash { get; set; } = "";

    [Column("expires_at")]
    public DateTime ExpiresAt { get; set; }

    [Column("used_at")]
    public DateTime? UsedAt { get; set; }
}

[Table("settings")]
public sealed class Setting
{
    [Column("setting_key"), PrimaryKey, NotNull]
    public string Key { get; set; } = "";

    [Column("setting_value"), NotNull]
    public string Value { get; set; } = "";
}

/// <summary>A time-limited claim on a background job, so one node runs it at a time.</summary>
[Table("leases")]
public sealed class Lease
{
    [Column("name"), PrimaryKey, NotNull]
    public string Name { get; set; } = "";

    [Column("holder"), NotNull]
    public string Holder { get; set; } = "";

    [Column("expires_at")]
    public DateTime ExpiresAt { get; set; }
}
