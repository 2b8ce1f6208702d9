using System.Security.Cryptography;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using LinqToDB;
using LinqToDB.Linq;
using LinqToDB.Data;
using Microsoft.AspNetCore.Identity;

namespace HelpdeskLite.Pages.Admin.Users;

/// <summary>An admin's changes to accounts; each is audited and keeps one active admin at least.</summary>
public sealed class UserCommands(
    HelpdeskDbFactory dbs,
    PasswordHasher<User> hasher,
    AuditLog audit)
{
    public const string StaleMessage =
        "This user was changed by someone else meanwhile. The page now shows the current state; check it and try again.";

    public const string LastAdminMessage =
        "This is the last active administrator. Make another user an admin first.";

    public string? ChangeRole(long id, int rowVersion, Role role, AuditActor actor)
    {
        if (!Enum.IsDefined(role))
        {
            return "Choose one of the four roles.";
        }

        return Change(id, rowVersion, (db, user) =>
        {
            if (user.Role == role)
            {
                return null;
            }

            if (user.Role == Role.Admin && user.IsActive && IsLastActiveAdmin(db, id))
            {
                return LastAdminMessage;
            }

            Update(db, id).Set(u => u.Role, role).Set(u => u.SecurityStamp, AccountService.NewStamp()).Update();
            audit.Append(db, actor, AuditEvent.User_RoleChanged, "user", AccountService.Key(id),
                AuditLog.Change("role", user.Role.ToString(), role.ToString()));
            return null;
        });
    }

    public string? SetActive(long id, int rowVersion, bool active, AuditActor actor) =>
        Change(id, rowVersion, (db, user) =>
        {
            if (user.IsActive == active)
            {
                return null;
            }

            if (!active && user.Role == Role.Admin && IsLastActiveAdmin(db, id))
            {
                return LastAdminMessage;
            }

            Update(db, id).Set(u => u.IsActive, active).Set(u => u.SecurityStamp, AccountService.NewStamp()).Update();
            audit.Append(db, actor, active ? AuditEvent.User_Reactivated : AuditEvent.User_Deactivated,
                "user", AccountService.Key(id), AuditLog.Change("isActive", user.IsActive, active));
            return null;
        });

    public string? Unlock(long id, int rowVersion, AuditActor actor) =>
        Change(id, rowVersion, (db, user) =>
        {
            Update(db, id).Set(u => u.LockedUntil, (DateTime?)null).Set(u => u.FailedSignIns, 0).Update();
            audit.Append(db, actor, AuditEvent.User_Unlocked, "user", AccountService.Key(id),
                AuditLog.Change("lockedUntil", user.LockedUntil is { } until ? AuditMac.FormatTime(until) : null, null));
            return null;
        });

    /// <summary>Sets a random temporary password that the user must change at next sign-in.</summary>
    public (string? TemporaryPassword, string? Error) ResetPassword(long id, int rowVersion, AuditActor actor)
    {
        var temporary = GenerateTemporaryPassword();
        var error = Change(id, rowVersion, (db, user) =>
        {
            Update(db, id)
                .Set(u => u.PasswordHash, hasher.HashPassword(user, temporary))
                .Set(u => u.MustChangePassword, true)
                .Set(u => u.SecurityStamp, AccountService.NewStamp())
                .Set(u => u.FailedSignIns, 0)
                .Set(u => u.LockedUntil, (DateTime?)null)
                .Update();
            audit.Append(db, actor, AuditEvent.User_PasswordReset, "user", AccountService.Key(id),
                new { mustChangePassword = true });
            return null;
        });
        return error is null ? (temporary, null) : (null, error);
    }

    /// <summary>
    /// Runs a change in one transaction after checking the row version the page was built from.
    /// The no-op update of every admin row locks them, so two admins cannot demote each other
    /// at the same moment and leave nobody in charge.
    /// </summary>
    private string? Change(long id, int rowVersion, Func<HelpdeskDb, User, string?> apply)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        db.Users.Where(u => u.Role == Role.Admin).Set(u => u.RowVersion, u => u.RowVersion).Update();
        var user = db.Users.FirstOrDefault(u => u.Id == id);
        if (user is null)
        {
            return "That user does not exist.";
        }

        if (user.RowVersion != rowVersion)
        {
            return StaleMessage;
        }

        var error = apply(db, user);
        if (error is not null)
        {
            return error;
        }

        transaction.Commit();
        return null;
    }

    private static IUpdatable<User> Update(HelpdeskDb db, long id) =>
        db.Users.Where(u => u.Id == id).Set(u => u.RowVersion, u => u.RowVersion + 1);

    private static bool IsLastActiveAdmin(HelpdeskDb db, long id) =>
        !db.Users.Any(u => u.Id != id && u.Role == Role.Admin && u.IsActive);

    private static string GenerateTemporaryPassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(16, alphabet, (span, chars) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = chars[RandomNumberGenerator.GetInt32(chars.Length)];
            }
        });
    }
}
