using System.Text;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Security.Matrix;

namespace HelpdeskLite.Tests.Security;

/// <summary>
/// Sends every endpoint of the running application, as every actor, for a record of their own
/// and someone else's, and compares the answer with the rows under Security/Matrix.
/// </summary>
public sealed class AccessMatrixTests(ITestOutputHelper output)
{
    private static readonly MatrixActor[] Actors = MatrixWorld.Actors.ToArray();

    [Fact]
    public async Task Every_endpoint_has_a_matrix_row()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var rules = EndpointCatalog.Rules();

        var endpoints = await EndpointCatalog.ListAsync(app.Services);

        var missing = endpoints.Where(e => !rules.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0,
            "These endpoints have no row in the access matrix (add one under HelpdeskLite.Tests/Security/Matrix):\n  "
            + string.Join("\n  ", missing));
        var stale = rules.Keys.Except(endpoints.Select(e => e.Key)).ToList();
        Assert.True(stale.Count == 0, "These matrix rows name no endpoint; remove or correct them:\n  " + string.Join("\n  ", stale));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Every_endpoint_answers_each_actor_as_expected(DatabaseKind kind)
    {
        var areas = EndpointCatalog.Areas();
        await using var world = await MatrixWorld.StartAsync(kind, areas);
        var rules = EndpointCatalog.Rules();
        var endpoints = (await EndpointCatalog.ListAsync(world.App.Services))
            .Where(e => rules.ContainsKey(e.Key))
            .OrderBy(e => rules[e.Key].EndsSession)
            .ToList();
        var table = new StringBuilder();
        var failures = new List<string>();
        table.AppendLine($"{"endpoint",-62} {string.Join(" ", Actors.Select(a => $"{Abbreviate(a),-9}"))}");

        foreach (var endpoint in endpoints)
        {
            var rule = rules[endpoint.Key];
            var variants = VariantsOf(endpoint, rule);
            foreach (var (ownership, htmx) in variants)
            {
                var label = $"{endpoint.Key}{(rule.RouteValues is null ? "" : $" [{ownership.ToString().ToLowerInvariant()}]")}{(htmx ? " htmx" : "")}";
                var cells = new List<string>();
                foreach (var actor in Actors)
                {
                    var expected = Expected(rule, actor, ownership);
                    var url = MatrixRequests.Url(endpoint.Route, endpoint.Handler, rule.RouteValues?.Invoke(world, actor, ownership));
                    var observed = await MatrixRequests.SendAsync(world.Client(actor), endpoint.Method, url, rule.Form, htmx);
                    if (rule.EndsSession)
                    {
                        await world.RenewSessionAsync(actor);
                    }

                    var mark = observed == expected ? "" : "!";
                    cells.Add($"{mark}{MatrixRequests.Label(observed),-8}");
                    if (observed != expected)
                    {
                        failures.Add($"{label} as {actor}: expected {expected}, got {observed} ({endpoint.Method} {url})");
                    }
                }

                table.AppendLine($"{label,-62} {string.Join(" ", cells.Select(c => $"{c,-9}"))}");
            }
        }

        output.WriteLine($"Access matrix on {kind} (signin = 302 to sign-in or htmx 401; 4xx = input rejected; ! = unexpected)");
        output.WriteLine(table.ToString());
        Assert.True(failures.Count == 0, "Access matrix mismatches:\n  " + string.Join("\n  ", failures));
    }

    private static Outcome Expected(AccessRule rule, MatrixActor actor, Ownership ownership)
    {
        // A deactivated or demoted account's session ends at once, so it gets what anonymous gets.
        var expect = actor is MatrixActor.Deactivated or MatrixActor.RoleChanged ? rule.Anonymous : rule.For(actor);
        return ownership == Ownership.Own ? expect.Own : expect.Other;
    }

    private static IEnumerable<(Ownership Ownership, bool Htmx)> VariantsOf(EndpointEntry endpoint, AccessRule rule)
    {
        var ownerships = rule.RouteValues is null ? new[] { Ownership.Own } : [Ownership.Own, Ownership.Other];
        var htmx = endpoint.Method == "GET" ? new[] { false, true } : [false];
        return ownerships.SelectMany(o => htmx.Select(h => (o, h)));
    }

    private static string Abbreviate(MatrixActor actor) => actor switch
    {
        MatrixActor.Anonymous => "anon",
        MatrixActor.ItSupport => "support",
        MatrixActor.SecurityOfficer => "security",
        MatrixActor.Deactivated => "deactiv.",
        MatrixActor.RoleChanged => "demoted",
        _ => actor.ToString().ToLowerInvariant(),
    };
}
