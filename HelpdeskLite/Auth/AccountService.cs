using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Auth;

public sealed record SignInResult(User? User, string? Error);

/// <summary>Sign-in, the first admin's set-up and account creation, each with its audit entry.</summary>
public sealed class AccountService(
    HelpdeskDbFactory dbs,
    PasswordHasher<User> hasher,
    PasswordPolicy policy,
    AuditLog audit,
    IOptions<AuthOptions> options,
    TimeProvider clock,
    ILogger<AccountService> logger)
{
    public const string SignInFailedMessage =
        "Sign-in failed. Check your username and password. Repeated failures lock the account for a while.";

    public const int MaxUsernameLength = 64;

    // Compared against when the username is unknown, so both cases take the same time. Made
    // by the same hasher as real hashes, so it costs the same number of iterations.
    private static readonly ConditionalWeakTable<PasswordHasher<User>, string> DummyHashes = new();

    private string DummyHash() => DummyHashes.GetValue(hasher, h =>
        h.HashPassword(new User(), Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public SignInResult SignIn(string? username, string? password, AuditActor client)
    {
        username = (username ?? "").Trim();
        password ??= "";
        if (username.Length == 0 || password.Length == 0 || username.Length > MaxUsernameLength || password.Length > 1024)
        {
            return new SignInResult(null, SignInFailedMessage);
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var user = db.Users.FirstOrDefault(u => u.Username == username);
        var verified = hasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? DummyHash(), password);

        if (user is null || !user.IsActive || user.LockedUntil > now || verified == PasswordVerificationResult.Failed)
        {
            RecordFailure(db, user, username, client, now);
            transaction.Commit();
            return new SignInResult(null, SignInFailedMessage);
        }

        var hash = verified == PasswordVerificationResult.SuccessRehashNeeded ? hasher.HashPassword(user, password) : user.PasswordHash;
        db.Users.Where(u => u.Id == user.Id)
            .Set(u => u.FailedSignIns, 0)
            .Set(u => u.LockedUntil, (DateTime?)null)
            .Set(u => u.LastSignInAt, now)
            .Set(u => u.PasswordHash, hash)
            .Update();
        audit.Append(db, client with { Id = user.Id, Name = user.Username }, AuditEvent.SignIn_Succeeded, "user", Key(user.Id));
        transaction.Commit();
        logger.LogInformation("User {UserId} signed in", user.Id);
        return new SignInResult(user, null);
    }

    private void RecordFailure(HelpdeskDb db, User? user, string username, AuditActor client, DateTime now)
    {
        var reason = user is null ? "unknown user" : !user.IsActive ? "inactive" : user.LockedUntil > now ? "locked" : "wrong password";
        audit.Append(db, client, AuditEvent.SignIn_Failed, "user", user is null ? "" : Key(user.Id),
            new { username = username.Length > MaxUsernameLength ? username[..MaxUsernameLength] : username, reason });
        logger.LogWarning("Sign-in failed for user {UserId}: {Reason}", user?.Id, reason);
        if (user is null || !user.IsActive || user.LockedUntil > now)
        {
            return;
        }

        CountFailure(db, user, client, now, endSessions: false);
    }

    /// <summary>
    /// Counts a wrong current password on the change-password form as a failed sign-in: the
    /// person holding the session may not own the account. At the limit the account is locked and
    /// its sessions end, this one included. Returns whether it was locked.
    /// </summary>
    public bool RecordWrongCurrentPassword(HelpdeskDb db, User user, AuditActor actor)
    {
        audit.Append(db, actor, AuditEvent.User_PasswordChangeRefused, "user", Key(user.Id),
            new { reason = "wrong current password" });
        logger.LogWarning("Password change rejected for user {UserId}: invalid current password", user.Id);
        return CountFailure(db, user, actor, clock.UtcNowMicroseconds(), endSessions: true);
    }

    /// <summary>
    /// Counts a rejected two-factor code as a failed sign-in, so guessing codes ends in the same
    /// lockout as guessing passwords. The lock also changes the security stamp, which voids the
    /// pending sign-in the codes were tried on. Returns whether it was locked.
    /// </summary>
    public bool RecordRejectedCode(HelpdeskDb db, User user, AuditActor actor) =>
        CountFailure(db, user, actor, clock.UtcNowMicroseconds(), endSessions: true);

    private bool CountFailure(HelpdeskDb db, User user, AuditActor actor, DateTime now, bool endSessions)
    {
        var failures = user.FailedSignIns + 1;
        if (failures < options.Value.MaxFailedSignIns)
        {
            db.Users.Where(u => u.Id == user.Id).Set(u => u.FailedSignIns, u => u.FailedSignIns + 1).Update();
            return false;
        }

        var until = now.AddMinutes(options.Value.LockoutMinutes);
        var update = db.Users.Where(u => u.Id == user.Id)
            .Set(u => u.FailedSignIns, 0)
            .Set(u => u.LockedUntil, until);
        if (endSessions)
        {
            update = update.Set(u => u.SecurityStamp, NewStamp());
        }

        update.Update();
        audit.Append(db, actor, AuditEvent.Account_LockedOut, "user", Key(user.Id),
            new { until = AuditMac.FormatTime(until), failures });
        logger.LogWarning("User {UserId} was locked out until {Until}", user.Id, until);
        return true;
    }

    /// <summary>
    /// Records a sign-out and changes the user's security stamp, so the token just removed from
    /// the browser is worthless even if a copy of it exists elsewhere.
    /// </summary>
    public void SignOut(CurrentUser user, AuditActor actor)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        db.Users.Where(u => u.Id == user.Id).Set(u => u.SecurityStamp, NewStamp()).Update();
        audit.Append(db, actor, AuditEvent.SignOut_Completed, "user", Key(user.Id));
        transaction.Commit();
    }

    public bool AnyActiveAdmin()
    {
        using var db = dbs.Open();
        return db.Users.Any(u => u.Role == Role.Admin && u.IsActive);
    }

    /// <summary>Creates a single-use set-up link token, invalidating any earlier one.</summary>
    public string IssueSetupToken()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        db.SetupTokens.Where(t => t.UsedAt == null).Set(t => t.UsedAt, now).Update();
        db.Insert(new SetupToken
        {
            TokenHash = HashToken(token),
            ExpiresAt = now.AddMinutes(options.Value.SetupLinkMinutes),
        });
        audit.Append(db, AuditActor.System, AuditEvent.Setup_LinkIssued, "setup", "",
            new { expiresAt = AuditMac.FormatTime(now.AddMinutes(options.Value.SetupLinkMinutes)) });
        transaction.Commit();
        return token;
    }

    public bool IsSetupTokenValid(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return false;
        }

        using var db = dbs.Open();
        var hash = HashToken(token);
        var now = clock.UtcNowMicroseconds();
        return db.SetupTokens.Any(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            && !db.Users.Any(u => u.Role == Role.Admin && u.IsActive);
    }

    /// <summary>Creates the first admin with a set-up token; the token is spent in the same transaction.</summary>
    public string? CompleteSetup(string? token, NewAccount account, AuditActor client)
    {
        var error = Validate(account);
        if (error is not null)
        {
            return error;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var hash = HashToken(token ?? "");
        var spent = db.SetupTokens
            .Where(t => t.TokenHash == hash && t.UsedAt == null && t.ExpiresAt > now)
            .Set(t => t.UsedAt, now)
            .Update();
        if (spent != 1 || db.Users.Any(u => u.Role == Role.Admin && u.IsActive))
        {
            logger.LogWarning("A set-up attempt used an invalid, expired or spent link");
            return "This set-up link is invalid, expired or already used. Restart the server to print a new one.";
        }

        if (db.Users.Any(u => u.Username == account.Username.Trim()))
        {
            return "That username is taken. Choose another.";
        }

        var user = Insert(db, account with { Role = Role.Admin }, now);
        audit.Append(db, client with { Id = user.Id, Name = user.Username }, AuditEvent.Setup_AdminCreated, "user",
            Key(user.Id), new { username = user.Username, role = user.Role.ToString() });
        transaction.Commit();
        logger.LogInformation("The first admin, user {UserId}, was created through the set-up link", user.Id);
        return null;
    }

    /// <summary>Creates an account; returns the new user or why it was rejected.</summary>
    public (User? User, string? Error) Create(NewAccount account, AuditActor actor)
    {
        var error = Validate(account);
        if (error is not null)
        {
            return (null, error);
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        if (db.Users.Any(u => u.Username == account.Username.Trim()))
        {
            return (null, "That username is taken. Choose another.");
        }

        var user = Insert(db, account, clock.UtcNowMicroseconds());
        audit.Append(db, actor, AuditEvent.User_Created, "user", Key(user.Id), new
        {
            username = user.Username,
            displayName = user.DisplayName,
            role = user.Role.ToString(),
            mustChangePassword = user.MustChangePassword,
        });
        transaction.Commit();
        logger.LogInformation("User {UserId} was created with role {Role}", user.Id, user.Role);
        return (user, null);
    }

    public string? Validate(NewAccount account)
    {
        var username = account.Username.Trim();
        if (username.Length is 0 or > MaxUsernameLength || !username.All(IsUsernameChar))
        {
            return $"The username must be 1 to {MaxUsernameLength} letters, digits, dots, dashes or underscores.";
        }

        if (DisplayNames.Check(account.DisplayName) is { } nameError)
        {
            return nameError;
        }

        if (!Enum.IsDefined(account.Role))
        {
            return "Choose one of the four roles.";
        }

        return policy.Check(account.Password, username);
    }

    private User Insert(HelpdeskDb db, NewAccount account, DateTime now)
    {
        var user = new User
        {
            Username = account.Username.Trim(),
            DisplayName = account.DisplayName.Trim(),
            Role = account.Role,
            SecurityStamp = NewStamp(),
            IsActive = true,
            MustChangePassword = account.MustChangePassword,
            TimeZone = TimeZones.IsKnown(account.TimeZone) ? account.TimeZone! : "UTC",
            CreatedAt = now,
        };
        user.PasswordHash = hasher.HashPassword(user, account.Password);
        user.Id = db.InsertWithInt64Identity(user);
        return user;
    }

    public static string NewStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static bool IsUsernameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_';

    private static string HashToken(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

public sealed record NewAccount(
    string Username,
    string DisplayName,
    string Password,
    Role Role,
    bool MustChangePassword = false,
    string? TimeZone = null);
