using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Pages.Tickets;
using Microsoft.Extensions.DependencyInjection;
using static HelpdeskLite.Tests.Security.Matrix.Outcome;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Rows for each person's notifications, the bell and the notification preferences.</summary>
public sealed class NotificationsMatrix : IMatrixArea
{
    // The form for marking the stranger's notification read, which must return 404 to everyone else.
    // SeedAsync sets the id. The dictionary is static because the test builds its rows after seeding.
    private static readonly Dictionary<string, string> StrangersNotification = new() { ["id"] = "0" };

    public IEnumerable<AccessRule> Rules =>
    [
        AccessRule.SignedIn("GET", "/notifications", Ok),
        AccessRule.SignedIn("GET", "/notifications", Ok, "Bell"),
        AccessRule.SignedIn("POST", "/notifications", NotFound, "Read") with { Form = StrangersNotification },

        // Marking all read changes only the caller's own notifications and redirects to the list.
        AccessRule.SignedIn("POST", "/notifications", Redirect, "ReadAll"),
        AccessRule.SignedIn("GET", "/notifications/preferences", Ok),

        // An empty form opts the caller out of every kind, which changes only their own preferences.
        AccessRule.SignedIn("POST", "/notifications/preferences", Ok),
    ];

    /// <summary>Creates a notification for the stranger: an admin's public comment on their ticket.</summary>
    public async Task SeedAsync(MatrixWorld world)
    {
        var number = long.Parse(await TicketsMatrix.FileTicketAsync(world, world.Stranger), CultureInfo.InvariantCulture);
        var admin = world.UserOf(MatrixActor.Admin);
        using (var scope = world.App.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<TicketCommands>();
            var result = await commands.CommentAsync(TicketsMatrix.ViewerOf(admin),
                new AuditActor(admin.Id, admin.Username, "127.0.0.1"), number, "We are looking at it.", false, []);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Commenting on the matrix ticket failed: {result.Message}");
            }
        }

        using var db = world.App.Db.Open();
        var id = db.Notifications.Where(n => n.RecipientId == world.Stranger.Id).Select(n => n.Id).FirstOrDefault();
        StrangersNotification["id"] = id > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("The stranger has no notification after an admin's public comment on their ticket; check NotificationService.RaiseTicketCommented.");
    }
}
