using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Rows for reports and their downloads. Each role's figures contain only what it may see.</summary>
public sealed class ReportsMatrix : IMatrixArea
{
    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.SignedIn("GET", "/reports", Ok),

        // NOTE: the matrix cannot send the "what" query value, so this row checks only that a
        // download without it returns 404. ReportPagesTests download real files per role.
        AccessRule.SignedIn("GET", "/reports", NotFound, "Export"),
    ];
}
