using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Security.Matrix;

namespace HelpdeskLite.Tests.Security;

/// <summary>
/// Sends the payload corpus through every query parameter of every GET handler, and every
/// GET once as a page and once as an htmx request: never a 500, never reflected unescaped,
/// and no GET adds or removes a row. Its own class so it runs beside HostileInputTests.
/// </summary>
public sealed class HostileQueryTests(ITestOutputHelper output)
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Payloads_in_query_parameters_are_handled(DatabaseKind kind)
    {
        await using var world = await MatrixWorld.StartAsync(kind, EndpointCatalog.Areas());
        var payloads = kind == DatabaseKind.Sqlite ? Payloads.All : Payloads.Sample;
        var failures = new List<string>();
        var sent = 0;

        foreach (var target in await EndpointSurface.TargetsAsync(world, "GET", HostileInputTests.Posters))
        {
            var client = world.Client(target.Actor);
            foreach (var parameter in EndpointSurface.QueryParameters(target.Endpoint))
            {
                foreach (var payload in payloads)
                {
                    var separator = target.Url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    var url = $"{target.Url}{separator}{parameter}={Uri.EscapeDataString(payload)}";
                    var before = DatabaseSnapshot.TakeCounts(world.App);
                    using var response = await client.GetAsync(url);
                    var after = DatabaseSnapshot.TakeCounts(world.App);
                    sent++;
                    var where = $"{target.Actor} GET {target.Url} {parameter}={HostileInputTests.Describe(payload)}";
                    failures.AddRange(await HostileInputTests.CheckAnswerAsync(response, payload, where));
                    failures.AddRange(before.CountChanges(after).Select(change => $"{where}: a GET changed {change}"));
                }
            }
        }

        output.WriteLine($"{sent} hostile query requests on {kind}");
        Assert.True(sent > 0, "No query parameter was found.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Get_requests_change_no_row_count(DatabaseKind kind)
    {
        await using var world = await MatrixWorld.StartAsync(kind, EndpointCatalog.Areas());
        var failures = new List<string>();
        var targets = await EndpointSurface.TargetsAsync(world, "GET", MatrixWorld.Actors.ToArray());

        foreach (var target in targets)
        {
            foreach (var htmx in new[] { false, true })
            {
                var before = DatabaseSnapshot.TakeCounts(world.App);
                using var response = htmx ? await world.Client(target.Actor).GetHtmxAsync(target.Url) : await world.Client(target.Actor).GetAsync(target.Url);
                var after = DatabaseSnapshot.TakeCounts(world.App);
                failures.AddRange(before.CountChanges(after).Select(change => $"{target.Actor} GET {target.Url}{(htmx ? " (htmx)" : "")} changed {change}"));
            }
        }

        output.WriteLine($"{targets.Count * 2} GET requests on {kind}");
        Assert.NotEmpty(targets);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
