using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Admin.Users;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>
/// A running application with one signed-in client per actor, a spare user who owns nothing
/// of theirs, and the records that matrix areas seed.
/// </summary>
public sealed class MatrixWorld : IAsyncDisposable
{
    private readonly Dictionary<MatrixActor, TestClient> clients = [];
    private readonly Dictionary<MatrixActor, User> users = [];

    private MatrixWorld(TestApp app, User stranger)
    {
        App = app;
        Stranger = stranger;
    }

    public TestApp App { get; }

    /// <summary>A User that no actor is; their records are "someone else's" for everyone.</summary>
    public User Stranger { get; }

    /// <summary>Ids that areas store while seeding, such as "ticket.own.User".</summary>
    public Dictionary<string, string> Records { get; } = new(StringComparer.Ordinal);

    public static IEnumerable<MatrixActor> Actors => Enum.GetValues<MatrixActor>();

    public static async Task<MatrixWorld> StartAsync(DatabaseKind kind, IEnumerable<IMatrixArea> areas)
    {
        // The hostile-file corpus contains a file one byte over 64 KiB, which this limit rejects.
        // Hostile current passwords count as failed sign-ins; the lockout would otherwise end
        // the actors' sessions halfway through the corpus.
        var app = await TestApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Attachments:MaxBytes"] = (64 * 1024).ToString(CultureInfo.InvariantCulture),
            ["Auth:MaxFailedSignIns"] = "1000000",
        });
        var world = new MatrixWorld(app, app.CreateUser(Role.User, "stranger"));
        world.clients[MatrixActor.Anonymous] = app.Anonymous();
        foreach (var (actor, role) in new[]
        {
            (MatrixActor.User, Role.User),
            (MatrixActor.ItSupport, Role.ItSupport),
            (MatrixActor.SecurityOfficer, Role.SecurityOfficer),
            (MatrixActor.Admin, Role.Admin),
            (MatrixActor.Deactivated, Role.User),
            (MatrixActor.RoleChanged, Role.Admin),
        })
        {
            var user = app.CreateUser(role, actor.ToString().ToLowerInvariant());
            world.users[actor] = user;
            world.clients[actor] = await app.SignInAsync(user.Username);
        }

        foreach (var area in areas)
        {
            await area.SeedAsync(world);
        }

        world.EndSpecialSessions();
        return world;
    }

    public TestClient Client(MatrixActor actor) => clients[actor];

    /// <summary>Returns the actor's own account, or the stranger's for Anonymous.</summary>
    public User UserOf(MatrixActor actor) => users.GetValueOrDefault(actor) ?? Stranger;

    /// <summary>Signs the actor in again after a request that ended their session.</summary>
    public async Task RenewSessionAsync(MatrixActor actor)
    {
        if (actor is MatrixActor.Anonymous or MatrixActor.Deactivated or MatrixActor.RoleChanged)
        {
            return;
        }

        clients[actor].Dispose();
        clients[actor] = await App.SignInAsync(users[actor].Username);
    }

    /// <summary>Deactivates one actor and demotes another right after they signed in.</summary>
    private void EndSpecialSessions()
    {
        using var scope = App.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        var admin = new AuditActor(users[MatrixActor.Admin].Id, "admin", "127.0.0.1");
        var deactivated = users[MatrixActor.Deactivated];
        var demoted = users[MatrixActor.RoleChanged];
        Check(commands.SetActive(deactivated.Id, deactivated.RowVersion, false, admin));
        Check(commands.ChangeRole(demoted.Id, demoted.RowVersion, Role.User, admin));
    }

    private static void Check(string? error)
    {
        if (error is not null)
        {
            throw new InvalidOperationException($"Preparing the matrix actors failed: {error}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        await App.DisposeAsync();
    }
}
