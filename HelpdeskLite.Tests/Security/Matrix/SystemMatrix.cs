using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>The dashboard, health check, error pages and first-admin set-up.</summary>
public sealed class SystemMatrix : IMatrixArea
{
    private static readonly Dictionary<string, string> Forbidden403 = new() { ["code"] = "403" };

    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.SignedIn("GET", "/", Ok),
        AccessRule.Everyone("GET", "/health", Ok),

        // The error page answers with the status in its path, whoever asks.
        AccessRule.Everyone("GET", "/error/{code:int?}", Forbidden) with { RouteValues = (_, _, _) => Forbidden403 },
        AccessRule.Everyone("POST", "/error/{code:int?}", Forbidden) with { RouteValues = (_, _, _) => Forbidden403 },

        // Without a valid set-up link the set-up page does not exist, signed in or not.
        AccessRule.Everyone("GET", "/setup", NotFound),
        AccessRule.Everyone("POST", "/setup", NotFound),
    ];
}
