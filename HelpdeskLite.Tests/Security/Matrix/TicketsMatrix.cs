using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Tickets;
using Microsoft.Extensions.DependencyInjection;
using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>
/// Rows for the ticket queue, filing, and one ticket's page and actions. Staff see every ticket.
/// A user sees only the tickets they requested, and anyone else's ticket returns 404.
/// </summary>
public sealed class TicketsMatrix : IMatrixArea
{
    // A row version no ticket has, so an allowed change is rejected as stale and changes nothing.
    private static readonly Dictionary<string, string> StaleAssign = new() { ["rowVersion"] = "-1", ["assigneeId"] = "1" };

    private static readonly Dictionary<string, string> StaleTransition = new() { ["rowVersion"] = "-1", ["to"] = "InProgress" };

    private static readonly Dictionary<string, string> StalePriority = new()
    {
        ["rowVersion"] = "-1",
        ["priority"] = "High",
        ["reason"] = "Checking who may change it",
    };

    private static readonly MatrixActor[] Owners =
        [MatrixActor.User, MatrixActor.ItSupport, MatrixActor.SecurityOfficer, MatrixActor.Admin];

    // The outcome for a user whose change is rejected: 4xx on their own ticket, 404 on anyone else's.
    private static readonly Expect OwnOnly = new(Rejected, NotFound);

    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.SignedIn("GET", "/tickets", Ok),

        // An empty selection is rejected for everyone before any ticket is read.
        AccessRule.SignedIn("POST", "/tickets", Rejected, "BulkAssign"),
        AccessRule.SignedIn("GET", "/tickets/new", Ok),
        AccessRule.SignedIn("POST", "/tickets/new", Rejected),
        AccessRule.SignedIn("GET", "/tickets/{number:long}", Ok) with { User = new(Ok, NotFound), RouteValues = TicketNumber },

        // NOTE: the matrix sends no attachment id (rows carry only route values and a form), so
        // this row checks only that a missing id returns 404. TicketAccessTests download real files.
        AccessRule.SignedIn("GET", "/tickets/{number:long}", NotFound, "Attachment") with { RouteValues = TicketNumber },

        // An empty comment is rejected. The error page still returns 404 for a ticket the user may not see.
        AccessRule.SignedIn("POST", "/tickets/{number:long}", Rejected, "Comment") with { User = OwnOnly, RouteValues = TicketNumber },
        AccessRule.SignedIn("POST", "/tickets/{number:long}", Rejected, "Transition") with
        {
            User = OwnOnly,
            RouteValues = TicketNumber,
            Form = StaleTransition,
        },
        AccessRule.SignedIn("POST", "/tickets/{number:long}", Rejected, "Assign") with
        {
            User = OwnOnly,
            RouteValues = TicketNumber,
            Form = StaleAssign,
        },

        // Only agents may change a priority. The rejection still returns 404 for a ticket the user may not see.
        AccessRule.SignedIn("POST", "/tickets/{number:long}", Rejected, "Priority") with
        {
            User = OwnOnly,
            RouteValues = TicketNumber,
            Form = StalePriority,
        },
    ];

    public async Task SeedAsync(MatrixWorld world)
    {
        foreach (var owner in Owners)
        {
            world.Records[Key(owner)] = await FileTicketAsync(world, world.UserOf(owner));
        }

        world.Records[Key(null)] = await FileTicketAsync(world, world.Stranger);
    }

    /// <summary>Files a ticket for the requester through TicketCommands and returns its number.</summary>
    public static async Task<string> FileTicketAsync(MatrixWorld world, User requester)
    {
        using var scope = world.App.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<TicketCommands>();
        var viewer = ViewerOf(requester);
        var input = new NewTicketInput { Subject = "Printer on floor two is offline", Description = "It shows an error light." };
        var result = await commands.CreateAsync(viewer, new AuditActor(requester.Id, requester.Username, "127.0.0.1"), input, []);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Filing the matrix ticket failed: {result.Message}");
        }

        return result.Number.ToString(CultureInfo.InvariantCulture);
    }

    public static CurrentUser ViewerOf(User user) =>
        new(user.Id, user.Username, user.DisplayName, user.Role, user.TimeZone, false);

    /// <summary>Returns a ticket the actor requested as "own" and the stranger's ticket as "other".</summary>
    public static IReadOnlyDictionary<string, string> TicketNumber(MatrixWorld world, MatrixActor actor, Ownership ownership) =>
        new Dictionary<string, string>
        {
            ["number"] = world.Records[ownership == Ownership.Own && Owners.Contains(actor) ? Key(actor) : Key(null)],
        };

    private static string Key(MatrixActor? owner) => owner is { } actor ? $"ticket.own.{actor}" : "ticket.stranger";
}
