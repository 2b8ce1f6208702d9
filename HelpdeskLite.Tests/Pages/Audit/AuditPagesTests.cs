using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Reports.Excel;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Pages.Audit;

public sealed class AuditPagesTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Record_history_shows_only_that_record(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.SecurityOfficer);
        Append(app, "ticket", "42", "first-of-42", DateTime.UtcNow);
        Append(app, "ticket", "43", "only-43", DateTime.UtcNow);

        var html = await client.GetHtmlAsync("/audit?entityType=ticket&entityId=42");

        Assert.Contains("History of ticket 42", html);
        Assert.Contains("first-of-42", html);
        Assert.DoesNotContain("only-43", html);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Date_range_includes_end_day_in_viewer_zone(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var officer = app.CreateUser(Role.SecurityOfficer, timeZone: "America/New_York");
        using var client = await app.SignInAsync(officer.Username);

        // 03:30 UTC on 11 March is 23:30 on 10 March in New York.
        Append(app, "ticket", "1", "late-evening", new DateTime(2026, 3, 11, 3, 30, 0, DateTimeKind.Utc));
        Append(app, "ticket", "1", "next-morning", new DateTime(2026, 3, 11, 14, 0, 0, DateTimeKind.Utc));
        var tenth = await client.GetHtmlAsync("/audit?from=2026-03-10&to=2026-03-10");
        var eleventh = await client.GetHtmlAsync("/audit?from=2026-03-11&to=2026-03-11");

        Assert.Contains("late-evening", tenth);
        Assert.DoesNotContain("next-morning", tenth);
        Assert.Contains("next-morning", eleventh);
        Assert.DoesNotContain("late-evening", eleventh);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_by_actor_and_action(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.Admin);
        Append(app, "setting", "a", "by-carol", DateTime.UtcNow, actor: "carol", action: AuditEvent.Settings_Changed);
        Append(app, "setting", "b", "by-dave", DateTime.UtcNow, actor: "dave", action: AuditEvent.Settings_Changed);
        Append(app, "setting", "c", "carol-export", DateTime.UtcNow, actor: "carol", action: AuditEvent.Export_Downloaded);

        var html = await client.GetHtmlAsync("/audit?actor=carol&action=Settings_Changed");

        Assert.Contains("by-carol", html);
        Assert.DoesNotContain("by-dave", html);
        Assert.DoesNotContain("carol-export", html);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Second_page_shows_older_entries(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.Admin);
        for (var i = 0; i < 55; i++)
        {
            Append(app, "ticket", "1", $"mark-{i:000}", DateTime.UtcNow);
        }

        var second = await client.GetHtmlAsync("/audit?entityType=ticket&entityId=1&page=2");

        Assert.Contains("Page 2", second);
        Assert.Contains("mark-004", second);
        Assert.DoesNotContain("mark-005", second);
        Assert.DoesNotContain("page=3", second);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_filter_gets_400_with_message(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.Admin);

        var response = await client.GetAsync("/audit?from=yesterday&action=Nonsense");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("These filters are invalid", html);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Users_and_support_cannot_open_the_audit_log(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, support) = await app.ClientForAsync(Role.ItSupport);

        var asUser = await user.GetAsync("/audit");
        var asSupport = await support.GetAsync("/audit/verify");
        var export = await support.GetAsync("/audit?handler=export");

        Assert.NotEqual(HttpStatusCode.OK, asUser.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, asSupport.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, export.StatusCode);
        user.Dispose();
        support.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Export_contains_filtered_rows_and_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (officer, client) = await app.ClientForAsync(Role.SecurityOfficer);
        Append(app, "ticket", "7", "=cmd|' /C calc'!A0", DateTime.UtcNow);
        Append(app, "ticket", "8", "other", DateTime.UtcNow);

        using var response = await client.GetAsync("/audit?entityType=ticket&entityId=7&handler=export");
        await using var body = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (cells, styles) = XlsxTestReader.Read(body);
        Assert.Equal(2, cells.Count);
        var details = cells[2][9];
        Assert.Contains("=cmd", details.InlineString?.Text?.Text);
        using var db = app.Db.Open();
        var export = db.AuditEntries.Single(e => e.Action == AuditEvent.Export_Downloaded);
        Assert.Equal(officer.Id, export.ActorId);
        Assert.Contains("\"entityId\":\"7\"", export.Details);
        Assert.Contains("\"rows\":1", export.Details);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verification_page_reports_progress_and_result(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (admin, client) = await app.ClientForAsync(Role.Admin);

        var start = await client.PostHtmxAsync("/audit/verify?handler=start", []);
        var html = await start.Content.ReadAsStringAsync();
        var run = System.Text.RegularExpressions.Regex.Match(html, "run=([0-9a-f-]{36})").Groups[1].Value;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!html.Contains("intact", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            using var poll = await client.GetHtmxAsync($"/audit/verify?handler=progress&run={run}");
            html = await poll.Content.ReadAsStringAsync();
        }

        Assert.Contains("The audit chain is intact", html);
        using var db = app.Db.Open();
        var verified = db.AuditEntries.Single(e => e.Action == AuditEvent.Audit_Verified);
        Assert.Equal(admin.Id, verified.ActorId);
        Assert.Contains("\"via\":\"web page\"", verified.Details);
        client.Dispose();
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verification_page_names_first_bad_entry(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.SecurityOfficer);
        using (var db = app.Db.Open())
        {
            db.Execute("DROP TRIGGER audit_entries_no_update");
            db.Execute("UPDATE audit_entries SET details = '{}' WHERE seq = 1");
        }

        var response = await client.PostFormAsync("/audit/verify?handler=start", []);
        var location = response.Headers.Location!.ToString();
        var html = "";
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!html.Contains("The audit chain", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
        {
            html = await client.GetHtmlAsync(location);
        }

        Assert.Contains("broken at seq 1: content changed", html);
        client.Dispose();
    }

    private static void Append(
        TestApp app, string type, string id, string marker, DateTime at,
        string actor = "tester", AuditEvent action = AuditEvent.Settings_Changed)
    {
        var log = new AuditLog(app.Services.GetRequiredService<AuditKeyRing>(), new FixedClock(at));
        using var db = app.Db.Open();
        using var transaction = db.BeginTransaction();
        log.Append(db, new AuditActor(null, actor, "127.0.0.1"), action, type, id, new { marker });
        transaction.Commit();
    }

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
    }
}
