using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class FragmentRefusalTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_htmx_post_returns_422_fragment(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);

        var task = await officer.PostHtmxAsync($"/incidents/{id}?handler=Task", new() { ["Kind"] = "Investigation", ["Title"] = " " });
        var comment = await officer.PostHtmxAsync($"/incidents/{id}?handler=Comment", new() { ["body"] = "" });
        var taskHtml = await task.Content.ReadAsStringAsync();
        var commentHtml = await comment.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, task.StatusCode);
        Assert.StartsWith("<section id=\"incident-tasks\"", taskHtml.TrimStart());
        Assert.Contains("Enter the task (up to 300 characters).", taskHtml);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, comment.StatusCode);
        Assert.Contains("id=\"incident-timeline\"", commentHtml);
        Assert.Contains("Enter the text", commentHtml);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Stale_htmx_post_returns_409_fragment(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        await officer.PostHtmxAsync($"/incidents/{id}?handler=Task", new() { ["Kind"] = "Investigation", ["Title"] = "Read logs" });
        var task = SingleTask(app, id);
        var fields = new Dictionary<string, string>
        {
            ["taskId"] = task.Id.ToString(),
            ["rowVersion"] = task.RowVersion.ToString(),
            ["Kind"] = "Investigation",
            ["IsDone"] = "false",
        };
        await officer.PostHtmxAsync($"/incidents/{id}?handler=UpdateTask", new(fields) { ["Title"] = "Read the proxy logs" });

        var stale = await officer.PostHtmxAsync($"/incidents/{id}?handler=UpdateTask", new(fields) { ["Title"] = "Read logs again" });
        var html = System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains(IncidentResult.StaleMessage, html);
        Assert.Contains("Read the proxy logs", html);
        Assert.Equal("Read the proxy logs", SingleTask(app, id).Title);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Layout_lets_htmx_swap_refusals(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);

        var html = System.Net.WebUtility.HtmlDecode(await officer.GetHtmlAsync("/incidents"));

        Assert.Contains("{\"code\":\"409\",\"swap\":true}", html);
        Assert.Contains("{\"code\":\"422\",\"swap\":true}", html);
    }

    private static HelpdeskLite.Incidents.IncidentTask SingleTask(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentTasks.Single(t => t.IncidentId == id);
    }
}
