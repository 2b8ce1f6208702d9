using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Audit log rows: the log, its export and the chain check are for Security Officers and Admins only.</summary>
public sealed class AuditMatrix : IMatrixArea
{
    public IEnumerable<AccessRule> Rules =>
    [
        SecurityOnly("GET", "/audit", Ok),
        SecurityOnly("GET", "/audit", Ok, "List"),
        SecurityOnly("GET", "/audit", Ok, "Export"),
        SecurityOnly("GET", "/audit/verify", Ok),

        // Progress needs a run id, and without one there is no run to show.
        SecurityOnly("GET", "/audit/verify", NotFound, "Progress"),

        // Starting a run only reads the log, so it can be repeated. It redirects to the run's page.
        SecurityOnly("POST", "/audit/verify", Redirect, "Start"),
    ];

    private static AccessRule SecurityOnly(string method, string route, Outcome outcome, string? handler = null) =>
        AccessRule.AdminOnly(method, route, outcome, handler) with { SecurityOfficer = outcome };
}
