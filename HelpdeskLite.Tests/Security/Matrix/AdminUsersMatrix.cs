using System.Globalization;
using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>User administration: Admin only, for anyone's account.</summary>
public sealed class AdminUsersMatrix : IMatrixArea
{
    // A row version no user has, so an allowed change is rejected as stale and changes nothing.
    private static readonly Dictionary<string, string> StaleForm = new() { ["rowVersion"] = "-1", ["role"] = "User" };

    private static readonly string[] ChangeHandlers = ["Role", "Deactivate", "Reactivate", "Unlock", "ResetPassword"];

    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.AdminOnly("GET", "/admin/users", Ok),
        AccessRule.AdminOnly("GET", "/admin/users/new", Ok),
        AccessRule.AdminOnly("POST", "/admin/users/new", Rejected),
        AccessRule.AdminOnly("GET", "/admin/users/{id:long}", Ok) with { RouteValues = UserId },
        .. ChangeHandlers.Select(handler =>
            AccessRule.AdminOnly("POST", "/admin/users/{id:long}", Rejected, handler) with
            {
                RouteValues = UserId,
                Form = StaleForm,
            }),
    ];

    /// <summary>Returns the actor's own account as "own" and the stranger's as "other".</summary>
    public static IReadOnlyDictionary<string, string> UserId(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        new Dictionary<string, string>
        {
            ["id"] = (ownership == Ownership.Own ? world.UserOf(actor) : world.Stranger).Id.ToString(CultureInfo.InvariantCulture),
        };
}
