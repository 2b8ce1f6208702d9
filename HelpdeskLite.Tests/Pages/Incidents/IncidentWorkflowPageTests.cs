using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class IncidentWorkflowPageTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Page_ignores_unknown_done_text(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, client) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        const string spoof = "Your account is compromised. Enter your password at the link below";

        var forged = await client.GetHtmlAsync($"/incidents/{id}?done={Uri.EscapeDataString(spoof)}");
        var known = await client.GetHtmlAsync($"/incidents/{id}?done={Uri.EscapeDataString("The status was changed.")}");

        Assert.DoesNotContain(spoof, forged);
        Assert.Contains("The status was changed.", known);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Report_goes_from_new_to_closed_and_back(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officer, client) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);

        var earlyTriage = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Triaged);
        Assert.Equal(HttpStatusCode.BadRequest, earlyTriage.StatusCode);
        Assert.Contains("Missing: a category; a severity; an owner", await earlyTriage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await IncidentSteps.AssessAsync(client, app, id, officer.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Triaged)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Investigating)).StatusCode);
        var noActions = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Contained);
        Assert.Equal(HttpStatusCode.Redirect, (await IncidentSteps.MoveAsync(
            client, app, id, IncidentStatus.Contained, "Blocked the sender", "2026-12-01T10:00")).StatusCode);
        var backwards = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Recovered, "Passwords reset", "2026-12-01T09:00");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("is before containment took effect", await backwards.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await IncidentSteps.MoveAsync(
            client, app, id, IncidentStatus.Recovered, "Passwords reset", "2026-12-01T12:00")).StatusCode);
        var earlyClose = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Closed);
        var earlyCloseText = WebUtility.HtmlDecode(await earlyClose.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, noActions.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, earlyClose.StatusCode);
        Assert.Contains("the root cause", earlyCloseText);
        Assert.Contains("the contributing factors", earlyCloseText);
        Assert.Contains("the lessons learned", earlyCloseText);
        Assert.Contains("a due date for the corrective action", earlyCloseText);
        Assert.Equal(IncidentStatus.Recovered, IncidentSteps.Incident(app, id).Status);

        var playbookTasks = Tasks(app, id);
        foreach (var task in playbookTasks)
        {
            var update = await client.PostFormAsync($"/incidents/{id}?handler=UpdateTask", new()
            {
                ["taskId"] = task.Id.ToString(),
                ["rowVersion"] = task.RowVersion.ToString(),
                ["Kind"] = task.Kind.ToString(),
                ["Title"] = task.Title,
                ["OwnerId"] = officer.Id.ToString(),
                ["DueDate"] = "2027-01-15",
                ["IsDone"] = "false",
            });
            Assert.Equal(HttpStatusCode.Redirect, update.StatusCode);
        }

        var review = await client.PostFormAsync($"/incidents/{id}?handler=Review", new()
        {
            ["rowVersion"] = IncidentSteps.Incident(app, id).RowVersion.ToString(),
            ["rootCause"] = "No link rewriting at the gateway",
            ["contributingFactors"] = "Look-alike domain",
            ["lessonsLearned"] = "Train staff; enable link rewriting",
        });
        var close = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Closed);
        var closed = IncidentSteps.Incident(app, id);
        var corrective = Tasks(app, id).First(t => t.Kind == IncidentTaskKind.Corrective);
        var emptied = await client.PostFormAsync($"/incidents/{id}?handler=UpdateTask", new()
        {
            ["taskId"] = corrective.Id.ToString(),
            ["rowVersion"] = corrective.RowVersion.ToString(),
            ["Kind"] = "Investigation",
            ["Title"] = corrective.Title,
            ["OwnerId"] = "",
            ["DueDate"] = "",
            ["IsDone"] = "false",
        });
        Assert.Equal(HttpStatusCode.BadRequest, emptied.StatusCode);
        Assert.Contains("corrective actions keep their kind, owner and due date", await emptied.Content.ReadAsStringAsync());
        Assert.Equal(IncidentTaskKind.Corrective, Tasks(app, id).Single(t => t.Id == corrective.Id).Kind);
        var reopenWithoutReason = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Investigating);
        var reopen = await IncidentSteps.MoveAsync(client, app, id, IncidentStatus.Investigating, reason: "Second wave seen");

        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.NotEmpty(playbookTasks);
        Assert.Equal(HttpStatusCode.BadRequest, reopenWithoutReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        Assert.Equal(IncidentStatus.Investigating, IncidentSteps.Incident(app, id).Status);
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_Reopened));
        Assert.Equal(5, IncidentSteps.AuditCount(app, AuditEvent.Incident_StatusChanged));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Stale_page_is_refused_and_changes_nothing(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officer, client) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        var oldVersion = IncidentSteps.Incident(app, id).RowVersion;
        await IncidentSteps.AssessAsync(client, app, id, officer.Id);

        var stale = await client.PostFormAsync($"/incidents/{id}?handler=Transition", new()
        {
            ["rowVersion"] = oldVersion.ToString(),
            ["To"] = "Triaged",
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(IncidentStatus.New, IncidentSteps.Incident(app, id).Status);
        var html = await stale.Content.ReadAsStringAsync();
        Assert.Equal(1, html.Split("role=\"alert\"").Length - 1);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Severity_override_needs_justification_which_is_kept(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officer, client) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);

        var bare = await IncidentSteps.AssessAsync(client, app, id, officer.Id, severity: "Critical");
        var afterBare = IncidentSteps.Incident(app, id);
        var justified = await IncidentSteps.AssessAsync(client, app, id, officer.Id, "Critical", "CEO mailbox among them");
        var after = IncidentSteps.Incident(app, id);

        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Null(afterBare.Severity);
        Assert.Equal(HttpStatusCode.Redirect, justified.StatusCode);
        Assert.Equal(Severity.Critical, after.Severity);
        Assert.Equal(Severity.Medium, after.ProposedSeverity);
        Assert.Equal("CEO mailbox among them", after.SeverityJustification);
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_SeverityChanged));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Owner_must_be_security_officer(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, client) = await app.ClientForAsync(Role.SecurityOfficer);
        var agent = app.CreateUser(Role.ItSupport);
        var id = await IncidentSteps.ReportAsync(reporter);

        var response = await IncidentSteps.AssessAsync(client, app, id, agent.Id);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(IncidentSteps.Incident(app, id).OwnerId);
    }

    private static List<IncidentTask> Tasks(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentTasks.Where(t => t.IncidentId == id).ToList();
    }
}
