using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Sign-in, sign-out, password change and the profile.</summary>
public sealed class AccountMatrix : IMatrixArea
{
    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.Everyone("GET", "/account/sign-in", Ok),

        // An empty form is a failed sign-in (401 without HX-Redirect) for everyone.
        AccessRule.Everyone("POST", "/account/sign-in", Rejected),
        AccessRule.Everyone("GET", "/account/sign-out", Ok),
        AccessRule.Everyone("POST", "/account/sign-out", SignIn) with { EndsSession = true },
        AccessRule.SignedIn("GET", "/account/change-password", Ok),
        AccessRule.SignedIn("POST", "/account/change-password", Rejected),
        AccessRule.SignedIn("GET", "/profile", Ok),
        AccessRule.SignedIn("POST", "/profile", Rejected),
    ];
}
