using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class FilterDateTests
{
    private static readonly string[] FarDateUrls =
    [
        "/tickets?createdTo=9999-12-31",
        "/tickets?dueFrom=0001-01-01",
        "/audit?to=9999-12-31",
        "/audit?from=0001-01-01",
        "/reports?from=2026-01-01&to=9999-12-31",
        "/reports?kind=incidents&from=2026-01-01&to=9999-12-31",
        "/reports?handler=export&what=tickets&from=2026-01-01&to=9999-12-31",
    ];

    [Fact]
    public async Task Far_dates_are_rejected_in_words()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        foreach (var url in FarDateUrls)
        {
            using var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.True(body.Contains("1900-01-01 and 2999-12-31", StringComparison.Ordinal), $"{url}: no explanation");
        }
    }

    [Fact]
    public async Task Unreadable_dates_are_rejected_not_ignored()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        foreach (var url in new[] { "/tickets?createdFrom=2026-02-30", "/reports?from=abc", "/reports?to=10000-01-01" })
        {
            using var response = await admin.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode}");
            Assert.True(body.Contains("filters are invalid", StringComparison.Ordinal), $"{url}: no explanation");
        }
    }
}
