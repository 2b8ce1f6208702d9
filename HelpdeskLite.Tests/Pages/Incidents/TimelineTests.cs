using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed partial class TimelineTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Timeline_sorts_by_instant_across_zones(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var berlin = await app.SignInAsync(app.CreateUser(Role.SecurityOfficer, timeZone: "Europe/Berlin").Username);
        var newYork = await app.SignInAsync(app.CreateUser(Role.SecurityOfficer, timeZone: "America/New_York").Username);
        var viewer = await app.SignInAsync(app.CreateUser(Role.SecurityOfficer, timeZone: "UTC").Username);
        var id = await IncidentSteps.ReportAsync(reporter);

        // Berlin left summer time at 01:00 UTC on 25 October 2026, New York at 06:00 UTC on 1 November.
        await AddEntryAsync(newYork, id, "2026-11-01T01:30", "third: 05:30 UTC, first 01:30 in New York");
        await AddEntryAsync(berlin, id, "2026-10-25T02:30", "first: 00:30 UTC, first 02:30 in Berlin");
        await AddEntryAsync(newYork, id, "2026-10-31T22:00", "second: 02:00 UTC");
        await AddEntryAsync(berlin, id, "2026-11-01T07:00", "fourth: 06:00 UTC");
        var html = WebUtility.HtmlDecode(await viewer.GetHtmlAsync($"/incidents/{id}"));

        var order = Ordinals().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["first:", "second:", "third:", "fourth:"], order);
        Assert.Contains("2026-10-25 00:30 (UTC+00:00)", html);
        Assert.Contains("2026-11-01 05:30 (UTC+00:00)", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Editing_entry_text_never_shifts_its_time(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var berlin = await app.SignInAsync(app.CreateUser(Role.SecurityOfficer, timeZone: "Europe/Berlin").Username);
        var id = await IncidentSteps.ReportAsync(reporter);
        await AddEntryAsync(berlin, id, "2026-10-25T02:30", "first occurrence of 02:30");
        var entry = Manual(app, id);
        using (var db = app.Db.Open())
        {
            // The second 02:30 (01:30 UTC), with seconds a form cannot show.
            db.IncidentTimeline.Where(e => e.Id == entry.Id)
                .Set(e => e.OccurredAt, new DateTime(2026, 10, 25, 1, 30, 42, DateTimeKind.Utc)).Update();
        }

        var response = await berlin.PostFormAsync($"/incidents/{id}?handler=EditEntry", new()
        {
            ["entryId"] = entry.Id.ToString(),
            ["rowVersion"] = entry.RowVersion.ToString(),
            ["occurredAt"] = "2026-10-25T02:30",
            ["body"] = "second occurrence of 02:30, text corrected",
        });
        var edited = Manual(app, id);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(new DateTime(2026, 10, 25, 1, 30, 42, DateTimeKind.Utc), edited.OccurredAt);
        Assert.Equal("second occurrence of 02:30, text corrected", edited.Body);
        Assert.True(edited.RecordedAt > edited.OccurredAt);
        Assert.NotNull(edited.EditedAt);
    }

    private static async Task AddEntryAsync(TestClient client, long id, string at, string body)
    {
        var response = await client.PostFormAsync($"/incidents/{id}?handler=Entry", new() { ["occurredAt"] = at, ["body"] = body });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static TimelineEntry Manual(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentTimeline.Single(e => e.IncidentId == id && e.Kind == TimelineKind.Manual);
    }

    [GeneratedRegex("(first|second|third|fourth):")]
    private static partial Regex Ordinals();
}
