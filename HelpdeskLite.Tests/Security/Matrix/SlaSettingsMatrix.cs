using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Rows for SLA policies, business calendars, the priority matrix and auto-close, all Admin only.</summary>
public sealed class SlaSettingsMatrix : IMatrixArea
{
    // Each form is sent empty, so an allowed save fails validation and changes nothing.
    private static readonly string[] SaveHandlers = ["AutoClose", "Calendar", "Matrix", "Policy"];

    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.AdminOnly("GET", "/admin/sla", Ok),
        .. SaveHandlers.Select(handler => AccessRule.AdminOnly("POST", "/admin/sla", Rejected, handler)),
    ];
}
