using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>The real product on Kestrel at a free loopback port, over a fresh database.</summary>
public sealed class TestApp : IAsyncDisposable
{
    public const string DefaultPassword = "Correct-Horse-Battery-42";

    /// <summary>
    /// The password hash work factor under test. At the product's 100,000 iterations each hash
    /// costs about 0.2 s of CPU here, and the suite makes thousands; PasswordWorkFactorTests
    /// checks the product's own setting.
    /// </summary>
    public const int HashIterations = 1000;
    private static int userCounter;

    private readonly WebApplication app;
    private readonly bool ownsDatabase;

    private TestApp(WebApplication app, TestDatabase database, Uri address, bool ownsDatabase = true)
    {
        this.app = app;
        Database = database;
        Address = address;
        this.ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public Uri Address { get; }

    public IServiceProvider Services => app.Services;

    public HelpdeskDbFactory Db => Services.GetRequiredService<HelpdeskDbFactory>();

    public static async Task<TestApp> StartAsync(DatabaseKind kind, IDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        return await StartAsync(database, settings, ownsDatabase: true);
    }

    /// <summary>
    /// Starts another node over an existing database, as behind a load balancer; give it its own
    /// Helpdesk:DataFolder in <paramref name="settings"/>. The caller disposes the database.
    /// </summary>
    public static Task<TestApp> StartNodeAsync(TestDatabase database, IDictionary<string, string?> settings) =>
        StartAsync(database, settings, ownsDatabase: false);

    private static async Task<TestApp> StartAsync(
        TestDatabase database, IDictionary<string, string?>? settings, bool ownsDatabase)
    {
        var arguments = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Helpdesk:DataFolder"] = database.Folder,
            ["Database:Provider"] = database.Options.Provider.ToString(),
            ["ConnectionStrings:Helpdesk"] = database.ConnectionString,
            ["Serilog:MinimumLevel:Default"] = "Warning",

            // Tests sign in many users from one address; the limiter's own tests set it low.
            ["RateLimit:SignInPermitLimit"] = "100000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            arguments[key] = value;
        }

        var args = arguments.Select(pair => $"--{pair.Key}={pair.Value}").ToArray();
        var app = HelpdeskApp.Build(args, services =>
            services.Configure<PasswordHasherOptions>(options => options.IterationCount = HashIterations));
        await app.StartAsync();
        return new TestApp(app, database, new Uri(app.Urls.First()), ownsDatabase);
    }

    /// <summary>Creates an active user with <see cref="DefaultPassword"/> and returns it.</summary>
    public User CreateUser(Role role, string? username = null, string? displayName = null, string? timeZone = null)
    {
        username ??= $"{role.ToString().ToLowerInvariant()}{Interlocked.Increment(ref userCounter)}";
        using var scope = Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        var (user, error) = accounts.Create(
            new NewAccount(username, displayName ?? $"Test {username}", DefaultPassword, role, TimeZone: timeZone),
            new AuditActor(null, "test", "127.0.0.1"));
        return user ?? throw new InvalidOperationException($"Creating test user {username} failed: {error}");
    }

    public TestClient Anonymous() => new(Address);

    /// <summary>Signs in through the real form and returns a client that carries the session cookie.</summary>
    public async Task<TestClient> SignInAsync(string username, string password = DefaultPassword)
    {
        var client = new TestClient(Address);
        var response = await client.PostFormAsync("/account/sign-in", new() { ["Username"] = username, ["Password"] = password });
        if ((int)response.StatusCode != 302)
        {
            client.Dispose();
            throw new InvalidOperationException($"Signing in as {username} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>Creates a user with the role and returns a signed-in client for them.</summary>
    public async Task<(User User, TestClient Client)> ClientForAsync(Role role, string? username = null)
    {
        var user = CreateUser(role, username);
        return (user, await SignInAsync(user.Username));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        if (ownsDatabase)
        {
            Database.Dispose();
        }
    }
}
