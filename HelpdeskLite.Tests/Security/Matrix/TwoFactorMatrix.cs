using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Two-factor sign-in, its set-up and the admin's security settings.</summary>
public sealed class TwoFactorMatrix : IMatrixArea
{
    public IEnumerable<AccessRule> Rules =>
    [
        // Without the pending cookie from a checked password, the code step sends everyone back.
        AccessRule.Everyone("GET", "/account/two-factor", SignIn),
        AccessRule.Everyone("POST", "/account/two-factor", SignIn),
        AccessRule.SignedIn("GET", "/profile/two-factor", Ok),
        AccessRule.SignedIn("POST", "/profile/two-factor", Ok, "Begin"),
        AccessRule.SignedIn("POST", "/profile/two-factor", Rejected, "Confirm"),
        AccessRule.SignedIn("POST", "/profile/two-factor", Rejected, "Disable"),
        AccessRule.AdminOnly("GET", "/admin/security", Ok),
        AccessRule.AdminOnly("POST", "/admin/security", Ok),
    ];
}
