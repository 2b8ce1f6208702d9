using System.Globalization;
using HelpdeskLite.Tests.Pages.Incidents;
using HelpdeskLite.Tests.Pages.Tickets;
using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>
/// Incident rows. Security Officers and Admins read every incident. IT Support reads only the
/// summary of incidents converted from tickets they converted, and a reporter only the status view
/// of their own reports. Every other request gets 404, so an incident's existence stays hidden.
/// </summary>
public sealed class IncidentsMatrix : IMatrixArea
{
    private static readonly MatrixActor[] Reporters =
        [MatrixActor.User, MatrixActor.ItSupport, MatrixActor.SecurityOfficer, MatrixActor.Admin];

    // A row version no incident has, so an allowed change is rejected as stale and changes nothing.
    private static readonly Dictionary<string, string> StaleForm = new() { ["rowVersion"] = "-1", ["To"] = "Triaged" };

    private static readonly Dictionary<string, string> NoForm = [];

    // The number of a ticket that was already converted, so converting it again is rejected.
    // SeedAsync sets it, and the test reads the rows only after seeding.
    private static long convertedTicket;

    public IEnumerable<AccessRule> Rules =>
    [
        Investigators("GET", "/incidents", Ok),
        Investigators("GET", "/incidents", Ok, "List"),
        Investigators("GET", "/incidents/observables", Ok),

        // The report form and the list of one's own reports are open to every signed-in user.
        AccessRule.SignedIn("GET", "/incidents/report", Ok),
        AccessRule.SignedIn("POST", "/incidents/report", Rejected),
        AccessRule.SignedIn("GET", "/incidents/mine", Ok),
        AccessRule.SignedIn("GET", "/incidents/mine/{id:long}", Ok) with
        {
            User = new Expect(Ok, NotFound),
            ItSupport = new Expect(Ok, NotFound),
            SecurityOfficer = new Expect(Ok, NotFound),
            Admin = new Expect(Ok, NotFound),
            RouteValues = ReportId,
        },

        // Conversion is posted from the ticket page, so a GET of the page returns 404.
        AccessRule.SignedIn("GET", "/incidents/convert", NotFound),
        AccessRule.SignedIn("POST", "/incidents/convert", Rejected) with
        {
            User = NotFound,
            Form = new Dictionary<string, string> { ["ticketNumber"] = convertedTicket.ToString(CultureInfo.InvariantCulture) },
        },

        // Playbooks are Admin-only and hidden from the other roles.
        AdminHidden("GET", "/incidents/playbooks", Ok),

        // A category outside the list is rejected and changes no playbook.
        AdminHidden("POST", "/incidents/playbooks", Rejected) with
        {
            Form = new Dictionary<string, string> { ["category"] = "99", ["steps"] = "" },
        },

        // Saving "do not resolve" keeps the default, so the request can be repeated.
        AdminHidden("POST", "/incidents/playbooks", Redirect, "Conversion") with
        {
            Form = new Dictionary<string, string> { ["resolve"] = "false" },
        },

        Incident("GET", null, Ok) with { ItSupport = new Expect(Ok, NotFound) },
        Incident("POST", "Assessment", Rejected),
        Incident("POST", "Transition", Rejected),
        Incident("POST", "Review", Rejected),

        // Empty text is rejected.
        Incident("POST", "Comment", Rejected, NoForm),
        Incident("POST", "Message", Rejected, NoForm),
        Incident("POST", "Entry", Rejected, NoForm),
        Incident("POST", "Task", Rejected, NoForm),
        Incident("POST", "Observable", Rejected, NoForm),
        Incident("POST", "Evidence", Rejected, NoForm),

        // No entry, task or evidence item 0 exists, so even a responder gets 404.
        Incident("POST", "EditEntry", NotFound),
        Incident("POST", "UpdateTask", NotFound),
        Incident("POST", "Supersede", NotFound, NoForm),

        // Evidence downloads are for responders only, even for IT Support's converted incident.
        Investigators("GET", "/incidents/{id:long}/evidence/{evidenceId:long}", Ok) with { RouteValues = EvidenceId },
    ];

    public async Task SeedAsync(MatrixWorld world)
    {
        using var stranger = await world.App.SignInAsync(world.Stranger.Username);
        world.Records["incident.report.stranger"] = Text(await IncidentSteps.ReportAsync(stranger));
        foreach (var actor in Reporters)
        {
            world.Records[$"incident.report.{actor}"] = Text(await IncidentSteps.ReportAsync(world.Client(actor)));
        }

        // The stranger's tickets: one IT Support converts, one an Admin converts without IT Support.
        var ownTicket = await TicketSteps.FileAsync(stranger, "Pop-up asks for my password");
        var otherTicket = await TicketSteps.FileAsync(stranger, "Unknown program started at boot");
        world.Records["incident.converted.ItSupport"] = await ConvertAsync(world, MatrixActor.ItSupport, ownTicket);
        world.Records["incident.converted.Admin"] = await ConvertAsync(world, MatrixActor.Admin, otherTicket);
        convertedTicket = ownTicket;

        foreach (var id in world.Records.Where(r => r.Key.StartsWith("incident.", StringComparison.Ordinal)).Select(r => r.Value).ToList())
        {
            var evidence = IncidentSteps.Evidence(world.App, long.Parse(id, CultureInfo.InvariantCulture));
            world.Records[$"evidence.{id}"] = Text(evidence[0].Id);
        }
    }

    private static async Task<string> ConvertAsync(MatrixWorld world, MatrixActor actor, long ticketNumber)
    {
        using var response = await world.Client(actor).PostFormAsync("/incidents/convert", new()
        {
            ["ticketNumber"] = ticketNumber.ToString(CultureInfo.InvariantCulture),
        });
        var location = response.Headers.Location?.OriginalString ?? "";
        var path = location.Split('?')[0];
        if (!path.StartsWith("/incidents/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Converting a ticket for the matrix failed: {(int)response.StatusCode} {location}");
        }

        return path["/incidents/".Length..];
    }

    /// <summary>Sets anonymous to sign-in, Security Officers and Admins to the outcome, and the rest to 404.</summary>
    private static AccessRule Investigators(string method, string route, Expect outcome, string? handler = null) =>
        new(method, route, handler)
        {
            Anonymous = SignIn,
            User = NotFound,
            ItSupport = NotFound,
            SecurityOfficer = outcome,
            Admin = outcome,
        };

    private static AccessRule AdminHidden(string method, string route, Outcome outcome, string? handler = null) =>
        AccessRule.AdminOnly(method, route, outcome, handler) with
        {
            User = NotFound,
            ItSupport = NotFound,
            SecurityOfficer = NotFound,
        };

    private static AccessRule Incident(string method, string? handler, Outcome outcome, Dictionary<string, string>? form = null) =>
        Investigators(method, "/incidents/{id:long}", outcome, handler) with
        {
            RouteValues = IncidentId,
            Form = form ?? StaleForm,
        };

    /// <summary>
    /// Returns IT Support's converted incident or the actor's own report as "own", and an incident
    /// converted without IT Support or the stranger's report as "other".
    /// </summary>
    private static Dictionary<string, string> IncidentId(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        new Dictionary<string, string> { ["id"] = IncidentOf(world, actor, ownership) };

    private static string IncidentOf(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        (actor, ownership) switch
        {
            (MatrixActor.ItSupport, Ownership.Own) => world.Records["incident.converted.ItSupport"],
            (MatrixActor.ItSupport, Ownership.Other) => world.Records["incident.converted.Admin"],
            _ => ReportOf(world, actor, ownership),
        };

    private static Dictionary<string, string> ReportId(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        new Dictionary<string, string> { ["id"] = ReportOf(world, actor, ownership) };

    private static string ReportOf(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        ownership == Ownership.Own && Reporters.Contains(actor)
            ? world.Records[$"incident.report.{actor}"]
            : world.Records["incident.report.stranger"];

    private static Dictionary<string, string> EvidenceId(MatrixWorld world, MatrixActor actor, Ownership ownership)
    {
        var id = IncidentOf(world, actor, ownership);
        return new Dictionary<string, string> { ["id"] = id, ["evidenceId"] = world.Records[$"evidence.{id}"] };
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
