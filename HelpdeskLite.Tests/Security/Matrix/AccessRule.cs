namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>The class of answer a request gets, as the access matrix compares it.</summary>
public enum Outcome
{
    /// <summary>200.</summary>
    Ok,

    /// <summary>302 or 303 to anywhere but the sign-in page.</summary>
    Redirect,

    /// <summary>302 to the sign-in page, or 401 with HX-Redirect to it for htmx.</summary>
    SignIn,

    /// <summary>403.</summary>
    Forbidden,

    /// <summary>404.</summary>
    NotFound,

    /// <summary>400, 401 without HX-Redirect, 409 or 413: allowed in, but the input was rejected.</summary>
    Rejected,

    /// <summary>Anything else, such as 405, 429 or a 500; never a valid expectation.</summary>
    Unexpected,
}

/// <summary>Who sends a request in the matrix.</summary>
public enum MatrixActor
{
    Anonymous,
    User,
    ItSupport,
    SecurityOfficer,
    Admin,

    /// <summary>A User whose account was deactivated after signing in.</summary>
    Deactivated,

    /// <summary>An Admin demoted to User a second ago, still holding the old session.</summary>
    RoleChanged,
}

/// <summary>Whether the record in the URL belongs to the actor or to someone else.</summary>
public enum Ownership
{
    Own,
    Other,
}

/// <summary>The expected outcome for a record of the actor's own and for someone else's.</summary>
public readonly record struct Expect(Outcome Own, Outcome Other)
{
    public static implicit operator Expect(Outcome both) => new(both, both);
}

/// <summary>
/// One row of the access matrix: a route, method and Razor Pages handler, and what each role
/// gets. Deactivated and role-changed sessions must get what Anonymous gets, because their
/// session ends at once; the test checks that without a column of its own.
/// </summary>
public sealed record AccessRule(string Method, string Route, string? Handler = null)
{
    public required Expect Anonymous { get; init; }

    public required Expect User { get; init; }

    public required Expect ItSupport { get; init; }

    public required Expect SecurityOfficer { get; init; }

    public required Expect Admin { get; init; }

    /// <summary>
    /// Returns the value for each route parameter (such as "id") for an actor and ownership;
    /// null when the route has no parameters.
    /// </summary>
    public Func<MatrixWorld, MatrixActor, Ownership, IReadOnlyDictionary<string, string>>? RouteValues { get; init; }

    /// <summary>Form fields a POST sends besides the antiforgery token.</summary>
    public IReadOnlyDictionary<string, string> Form { get; init; } = new Dictionary<string, string>();

    /// <summary>True for a request that ends the caller's session, so it runs last.</summary>
    public bool EndsSession { get; init; }

    public string Key => EndpointKey.Format(Method, Route, Handler);

    public Expect For(MatrixActor actor) => actor switch
    {
        MatrixActor.User => User,
        MatrixActor.ItSupport => ItSupport,
        MatrixActor.SecurityOfficer => SecurityOfficer,
        MatrixActor.Admin => Admin,
        _ => Anonymous,
    };

    /// <summary>Sets every role, signed in or not, to the same outcome.</summary>
    public static AccessRule Everyone(string method, string route, Outcome outcome, string? handler = null) =>
        new(method, route, handler)
        {
            Anonymous = outcome,
            User = outcome,
            ItSupport = outcome,
            SecurityOfficer = outcome,
            Admin = outcome,
        };

    /// <summary>Sets anonymous to the sign-in page and every signed-in role to one outcome.</summary>
    public static AccessRule SignedIn(string method, string route, Outcome outcome, string? handler = null) =>
        Everyone(method, route, outcome, handler) with { Anonymous = Outcome.SignIn };

    /// <summary>Sets anonymous to sign-in, Admin to the outcome and the other roles to 403.</summary>
    public static AccessRule AdminOnly(string method, string route, Expect outcome, string? handler = null) =>
        new(method, route, handler)
        {
            Anonymous = Outcome.SignIn,
            User = Outcome.Forbidden,
            ItSupport = Outcome.Forbidden,
            SecurityOfficer = Outcome.Forbidden,
            Admin = outcome,
        };
}

/// <summary>
/// A feature area's rows. Every non-abstract implementation in the test assembly is picked up,
/// so a feature adds one file under Security/Matrix and touches nothing shared.
/// </summary>
public interface IMatrixArea
{
    IEnumerable<AccessRule> Rules { get; }

    /// <summary>Creates the records the rows refer to; runs once per application.</summary>
    Task SeedAsync(MatrixWorld world) => Task.CompletedTask;
}

public static class EndpointKey
{
    public static string Format(string method, string route, string? handler) =>
        $"{method.ToUpperInvariant()} {route}{(string.IsNullOrEmpty(handler) ? "" : $"?handler={handler}")}";
}
