using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.AspNetCore.Identity;

namespace HelpdeskLite.Pages.Profile;

/// <summary>Changes people make to their own account.</summary>
public sealed class ProfileCommands(
    HelpdeskDbFactory dbs,
    PasswordHasher<User> hasher,
    PasswordPolicy policy,
    AccountService accounts,
    AuditLog audit)
{
    public string? UpdateProfile(CurrentUser user, string? displayName, string? timeZone, AuditActor actor)
    {
        if (DisplayNames.Check(displayName) is { } nameError)
        {
            return nameError;
        }

        displayName = displayName!.Trim();

        if (!TimeZones.IsKnown(timeZone) || !TimeZones.All.Contains(timeZone))
        {
            return "Choose a time zone from the list.";
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Users.Single(u => u.Id == user.Id);
        if (before.DisplayName == displayName && before.TimeZone == timeZone)
        {
            return null;
        }

        db.Users.Where(u => u.Id == user.Id)
            .Set(u => u.DisplayName, displayName)
            .Set(u => u.TimeZone, timeZone)
            .Set(u => u.RowVersion, u => u.RowVersion + 1)
            .Update();
        var changes = new Dictionary<string, object?>();
        if (before.DisplayName != displayName)
        {
            changes["displayName"] = new { from = before.DisplayName, to = displayName };
        }

        if (before.TimeZone != timeZone)
        {
            changes["timeZone"] = new { from = before.TimeZone, to = timeZone };
        }

        audit.Append(db, actor, AuditEvent.User_ProfileChanged, "user", AccountService.Key(user.Id), changes);
        transaction.Commit();
        return null;
    }

    /// <summary>Changes the password and the security stamp; returns the updated row or an error.</summary>
    public (User? User, string? Error) ChangePassword(CurrentUser user, string current, string next, AuditActor actor)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var row = db.Users.Single(u => u.Id == user.Id);
        if (hasher.VerifyHashedPassword(row, row.PasswordHash, current ?? "") == PasswordVerificationResult.Failed)
        {
            var locked = accounts.RecordWrongCurrentPassword(db, row, actor);
            transaction.Commit();
            return (null, locked
                ? "The current password was wrong too many times. The account is locked for a while and this session has ended."
                : "The current password is wrong. Repeated failures lock the account for a while.");
        }

        var error = policy.Check(next, row.Username);
        if (error is not null)
        {
            return (null, error);
        }

        if (hasher.VerifyHashedPassword(row, row.PasswordHash, next) != PasswordVerificationResult.Failed)
        {
            return (null, "The new password must differ from the current one.");
        }

        row.PasswordHash = hasher.HashPassword(row, next);
        row.SecurityStamp = AccountService.NewStamp();
        row.MustChangePassword = false;
        db.Users.Where(u => u.Id == user.Id)
            .Set(u => u.PasswordHash, row.PasswordHash)
            .Set(u => u.SecurityStamp, row.SecurityStamp)
            .Set(u => u.MustChangePassword, false)
            .Set(u => u.FailedSignIns, 0)
            .Set(u => u.RowVersion, u => u.RowVersion + 1)
            .Update();
        audit.Append(db, actor, AuditEvent.User_PasswordChanged, "user", AccountService.Key(user.Id));
        transaction.Commit();
        return (row, null);
    }
}
