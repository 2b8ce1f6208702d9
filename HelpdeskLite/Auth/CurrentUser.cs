using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;

namespace HelpdeskLite.Auth;

/// <summary>The signed-in person, loaded from the database on every request.</summary>
public sealed record CurrentUser(
    long Id,
    string Username,
    string DisplayName,
    Role Role,
    string TimeZone,
    bool MustChangePassword)
{
    public bool IsAgent => Role is Role.ItSupport or Role.Admin;

    public bool IsStaff => Role is not Role.User;

    public TimeZoneInfo Zone => TimeZones.Find(TimeZone);
}

public static class CurrentUserExtensions
{
    private const string ItemKey = "HelpdeskLite.CurrentUser";

    public static CurrentUser? FindCurrentUser(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as CurrentUser : null;

    /// <summary>Returns the signed-in user of a request that passed authorization.</summary>
    public static CurrentUser GetCurrentUser(this HttpContext context) =>
        context.FindCurrentUser()
        ?? throw new InvalidOperationException("No signed-in user on a request that requires one.");

    internal static void SetCurrentUser(this HttpContext context, CurrentUser user) =>
        context.Items[ItemKey] = user;

    public static string ClientIp(this HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "";

    /// <summary>Returns the actor for audit entries: the signed-in user, or anonymous.</summary>
    public static AuditActor AuditActor(this HttpContext context)
    {
        var user = context.FindCurrentUser();
        return user is null
            ? new AuditActor(null, "anonymous", context.ClientIp())
            : new AuditActor(user.Id, user.Username, context.ClientIp());
    }
}
