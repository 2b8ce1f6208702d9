using System.Net;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class HealthEndpointTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Health_answers_200_then_503_without_versions(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        using var client = app.Anonymous();

        using var healthy = await client.GetAsync("/health");
        var healthyBody = await healthy.Content.ReadAsStringAsync();
        await DatabaseBreaker.BreakAsync(app.Database);
        using var unhealthy = await client.GetAsync("/health");
        var unhealthyBody = await unhealthy.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        Assert.Equal("Healthy", healthyBody);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, unhealthy.StatusCode);
        Assert.Equal("Unhealthy", unhealthyBody);
        foreach (var response in new[] { healthy, unhealthy })
        {
            Assert.False(response.Headers.Contains("Server"), "The Server header names the web server.");
            Assert.False(response.Headers.Contains("X-Powered-By"));
            Assert.DoesNotMatch(@"\d+\.\d+", string.Join(' ', response.Headers.Select(h => h.Key + ": " + string.Join(',', h.Value))
                .Where(h => !h.StartsWith("Date", StringComparison.Ordinal))));
        }
    }
}
