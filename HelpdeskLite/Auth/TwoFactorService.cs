using System.Security.Cryptography;
using System.Text;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace HelpdeskLite.Auth;

/// <summary>A started enrolment: the secret to type in and the same as a QR code (PNG data URI).</summary>
public sealed record TwoFactorEnrolment(string Secret, string QrCodeDataUri);

/// <summary>
/// Optional TOTP sign-in (RFC 6238, 30-second steps, one step of clock drift either way) with
/// single-use recovery codes, and the setting that requires it per role.
/// </summary>
public sealed class TwoFactorService(
    HelpdeskDbFactory dbs, PasswordHasher<User> hasher, AccountService accounts, AuditLog audit, TimeProvider clock)
{
    public const string RequiredRolesKey = "security.totp_required_roles";
    public const int RecoveryCodeCount = 10;
    private static readonly VerificationWindow Drift = new(previous: 1, future: 1);

    public bool IsEnabled(long userId)
    {
        using var db = dbs.Open();
        return db.TwoFactorStates.Any(s => s.Id == userId && s.Enabled);
    }

    public IReadOnlySet<Role> RequiredRoles()
    {
        using var db = dbs.Open();
        var value = db.Settings.Where(s => s.Key == RequiredRolesKey).Select(s => s.Value).FirstOrDefault() ?? "";
        return value.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Enum.TryParse<Role>(name, out var role) ? role : (Role?)null)
            .OfType<Role>()
            .ToHashSet();
    }

    /// <summary>True when the role requires TOTP and the user has not set it up yet.</summary>
    public bool MustEnrol(CurrentUser user) => RequiredRoles().Contains(user.Role) && !IsEnabled(user.Id);

    public void SetRequiredRoles(IEnumerable<Role> roles, AuditActor actor)
    {
        var value = string.Join(',', roles.Where(Enum.IsDefined).Distinct().Order());
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Settings.Where(s => s.Key == RequiredRolesKey).Select(s => s.Value).FirstOrDefault() ?? "";
        if (before == value)
        {
            return;
        }

        db.InsertOrReplace(new Setting { Key = RequiredRolesKey, Value = value });
        audit.Append(db, actor, AuditEvent.Settings_Changed, "setting", RequiredRolesKey, AuditLog.Change("value", before, value));
        transaction.Commit();
    }

    /// <summary>Creates a new secret for a user who has no TOTP yet; it counts only once confirmed.</summary>
    public TwoFactorEnrolment? Begin(CurrentUser user)
    {
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        using var db = dbs.Open();
        var updated = db.TwoFactorStates.Where(s => s.Id == user.Id && !s.Enabled).Set(s => s.Secret, secret).Update();
        return updated == 1 ? new TwoFactorEnrolment(secret, QrCode(user.Username, secret)) : null;
    }

    /// <summary>Turns TOTP on after a correct code; returns the recovery codes, shown only this once.</summary>
    public (IReadOnlyList<string>? RecoveryCodes, string? Error) Confirm(CurrentUser user, string? code, AuditActor actor)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var state = db.TwoFactorStates.FirstOrDefault(s => s.Id == user.Id);
        if (state is not { Enabled: false, Secret: not null })
        {
            return (null, "Start the set-up again: no pending secret was found.");
        }

        if (MatchStep(state.Secret, code) is not { } step)
        {
            return (null, "The code is invalid. Check the device's clock and enter the current six-digit code.");
        }

        db.TwoFactorStates.Where(s => s.Id == user.Id).Set(s => s.Enabled, true).Set(s => s.LastStep, step).Update();
        var codes = ReplaceRecoveryCodes(db, user.Id);
        audit.Append(db, actor, AuditEvent.User_TwoFactorEnabled, "user", AccountService.Key(user.Id));
        transaction.Commit();
        return (codes, null);
    }

    public string? Disable(CurrentUser user, string? password, AuditActor actor)
    {
        if (RequiredRoles().Contains(user.Role))
        {
            return "Your role requires two-factor sign-in, so it cannot be turned off.";
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var row = db.Users.Single(u => u.Id == user.Id);
        if (hasher.VerifyHashedPassword(row, row.PasswordHash, password ?? "") == PasswordVerificationResult.Failed)
        {
            return "The password is wrong. Two-factor sign-in stays on.";
        }

        db.TwoFactorStates.Where(s => s.Id == user.Id)
            .Set(s => s.Enabled, false).Set(s => s.Secret, (string?)null).Set(s => s.LastStep, (long?)null).Update();
        db.RecoveryCodes.Delete(c => c.UserId == user.Id);
        audit.Append(db, actor, AuditEvent.User_TwoFactorDisabled, "user", AccountService.Key(user.Id));
        transaction.Commit();
        return null;
    }

    /// <summary>
    /// Checks the second step of a sign-in: a TOTP code newer than the last one accepted (so a
    /// code works once), or an unused recovery code, which is spent. A rejected code counts
    /// toward the lockout, and a locked account accepts no code.
    /// </summary>
    public bool Verify(long userId, string? code, AuditActor actor)
    {
        code = new string((code ?? "").Where(c => !char.IsWhiteSpace(c) && c != '-').ToArray());
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var user = db.Users.Single(u => u.Id == userId);
        var locked = user.LockedUntil > clock.UtcNowMicroseconds();
        var state = locked ? null : db.TwoFactorStates.FirstOrDefault(s => s.Id == userId && s.Enabled);
        var accepted = state?.Secret is { } secret && MatchStep(secret, code) is { } step
            && db.TwoFactorStates.Where(s => s.Id == userId && (s.LastStep == null || s.LastStep < step))
                .Set(s => s.LastStep, step).Update() == 1;
        if (!accepted && state is not null && code.Length == 10)
        {
            var hash = Hash(code.ToLowerInvariant());
            accepted = db.RecoveryCodes.Where(c => c.UserId == userId && c.CodeHash == hash && c.UsedAt == null)
                .Set(c => c.UsedAt, clock.UtcNowMicroseconds()).Update() == 1;
            if (accepted)
            {
                audit.Append(db, actor, AuditEvent.TwoFactor_RecoveryCodeUsed, "user", AccountService.Key(userId),
                    new { remaining = db.RecoveryCodes.Count(c => c.UserId == userId && c.UsedAt == null) });
            }
        }

        audit.Append(db, actor, accepted ? AuditEvent.TwoFactor_SignInCompleted : AuditEvent.TwoFactor_CodeRejected,
            "user", AccountService.Key(userId));
        if (!accepted && !locked)
        {
            accounts.RecordRejectedCode(db, user, actor);
        }

        transaction.Commit();
        return accepted;
    }

    private long? MatchStep(string secret, string? code)
    {
        if (code is not { Length: 6 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(secret));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, Drift) ? step : null;
    }

    private static List<string> ReplaceRecoveryCodes(HelpdeskDb db, long userId)
    {
        db.RecoveryCodes.Delete(c => c.UserId == userId);
        var codes = Enumerable.Range(0, RecoveryCodeCount)
            .Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)))
            .ToList();
        foreach (var code in codes)
        {
            db.Insert(new RecoveryCode { UserId = userId, CodeHash = Hash(code) });
        }

        return codes.Select(c => $"{c[..5]}-{c[5..]}").ToList();
    }

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code)));

    private static string QrCode(string username, string secret)
    {
        var uri = $"otpauth://totp/HelpdeskLite:{Uri.EscapeDataString(username)}?secret={secret}&issuer=HelpdeskLite";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
