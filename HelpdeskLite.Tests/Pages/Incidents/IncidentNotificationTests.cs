using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Pages.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class IncidentNotificationTests
{
    private const string Title = "Odd e-mail asking for my password";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Report_reaches_security_staff_not_reporter(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (reporter, reporterClient) = await app.ClientForAsync(Role.User);
        var officer = app.CreateUser(Role.SecurityOfficer);
        var admin = app.CreateUser(Role.Admin);
        var agent = app.CreateUser(Role.ItSupport);
        var optedOut = app.CreateUser(Role.SecurityOfficer);
        OptOut(app, optedOut.Id, NotificationKind.IncidentReported);

        var id = await IncidentSteps.ReportAsync(reporterClient, Title);

        var sent = Notifications(app);
        Assert.Equal([officer.Id, admin.Id], sent.Select(n => n.RecipientId).Order());
        Assert.All(sent, n => Assert.Equal(NotificationKind.IncidentReported, n.Kind));
        Assert.All(sent, n => Assert.Equal($"/incidents/{id}", n.Link));
        Assert.All(sent, n => Assert.Contains(Title, n.Text));
        Assert.DoesNotContain(sent, n => n.RecipientId == reporter.Id || n.RecipientId == agent.Id);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reporter_gets_status_text_only(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (reporter, reporterClient) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var owner = app.CreateUser(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporterClient, Title);
        var number = IncidentSteps.Incident(app, id).NumberText;

        await IncidentSteps.AssessAsync(officer, app, id, owner.Id);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Triaged);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: "Sent by our own awareness campaign");

        var toReporter = Notifications(app).Where(n => n.RecipientId == reporter.Id).ToList();
        Assert.Equal(
            [$"Your security report {number} is now: Being handled by the security team.",
                $"Your security report {number} is now: Closed."],
            toReporter.Select(n => n.Text));
        Assert.All(toReporter, n => Assert.Equal(NotificationKind.ReportStatusChanged, n.Kind));
        Assert.All(toReporter, n => Assert.Equal($"/incidents/mine/{id}", n.Link));
        var assigned = Assert.Single(Notifications(app), n => n.Kind == NotificationKind.IncidentAssigned);
        Assert.Equal(owner.Id, assigned.RecipientId);
        using var statusView = await reporterClient.GetAsync(toReporter[0].Link);
        Assert.Equal(HttpStatusCode.OK, statusView.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Refused_changes_raise_no_notification(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporterClient) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var owner = app.CreateUser(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporterClient, Title);
        var before = Notifications(app).Count;
        var staleVersion = IncidentSteps.Incident(app, id).RowVersion - 1;

        var earlyTriage = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Triaged);
        var noReason = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: " ");
        var stale = await officer.PostFormAsync($"/incidents/{id}?handler=Transition", new()
        {
            ["rowVersion"] = staleVersion.ToString(),
            ["To"] = "Closed",
            ["Reason"] = "Harmless",
        });
        var badTask = await officer.PostHtmxAsync($"/incidents/{id}?handler=Task", new()
        {
            ["Kind"] = "Investigation",
            ["Title"] = "",
            ["OwnerId"] = owner.Id.ToString(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, earlyTriage.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badTask.StatusCode);
        Assert.Equal(before, Notifications(app).Count);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Task_owner_is_told_once_per_assignment(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporterClient) = await app.ClientForAsync(Role.User);
        var (officer, officerClient) = await app.ClientForAsync(Role.SecurityOfficer);
        var owner = app.CreateUser(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporterClient, Title);
        var number = IncidentSteps.Incident(app, id).NumberText;

        await AddTaskAsync(officerClient, id, "Pull the mail gateway logs", owner.Id);
        await AddTaskAsync(officerClient, id, "Check my own inbox", officer.Id);
        var task = Tasks(app, id).First(t => t.OwnerId == owner.Id);
        var update = await officerClient.PostHtmxAsync($"/incidents/{id}?handler=UpdateTask", new()
        {
            ["taskId"] = task.Id.ToString(),
            ["rowVersion"] = task.RowVersion.ToString(),
            ["Kind"] = "Investigation",
            ["Title"] = task.Title,
            ["OwnerId"] = owner.Id.ToString(),
            ["DueDate"] = "2027-01-15",
            ["IsDone"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var sent = Assert.Single(Notifications(app), n => n.Kind == NotificationKind.TaskAssigned);
        Assert.Equal(owner.Id, sent.RecipientId);
        Assert.Equal($"Task \"Pull the mail gateway logs\" on {number} is assigned to you.", sent.Text);
        Assert.Equal($"/incidents/{id}", sent.Link);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Conversion_hides_incident_from_requester(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (requester, user) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var officer = app.CreateUser(Role.SecurityOfficer);
        var ticketNumber = await TicketSteps.FileAsync(user, "Strange pop-up asks for password");
        var ticket = TicketSteps.Ticket(app, ticketNumber);

        var response = await agentClient.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = ticketNumber.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var sent = Notifications(app);
        var converted = Assert.Single(sent, n => n.Kind == NotificationKind.TicketConverted);
        Assert.Equal(requester.Id, converted.RecipientId);
        Assert.Equal($"/tickets/{ticketNumber}", converted.Link);
        Assert.Contains(ticket.NumberText, converted.Text);
        Assert.DoesNotContain("INC-", converted.Text);
        Assert.All(sent.Where(n => n.RecipientId == requester.Id), n => Assert.DoesNotContain("INC-", n.Text));
        var toStaff = Assert.Single(sent, n => n.Kind == NotificationKind.IncidentReported);
        Assert.Equal(officer.Id, toStaff.RecipientId);
        Assert.Contains(ticket.NumberText, toStaff.Text);
        Assert.DoesNotContain(sent, n => n.RecipientId == agent.Id && n.Kind == NotificationKind.IncidentReported);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Message_reaches_reporter_unless_opted_out(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (reporter, reporterClient) = await app.ClientForAsync(Role.User);
        var (quiet, quietClient) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        OptOut(app, quiet.Id, NotificationKind.ReportMessage);
        var id = await IncidentSteps.ReportAsync(reporterClient, Title);
        var quietId = await IncidentSteps.ReportAsync(quietClient, Title);

        await officer.PostHtmxAsync($"/incidents/{id}?handler=Message", new() { ["body"] = "Please forward us the mail." });
        await officer.PostHtmxAsync($"/incidents/{quietId}?handler=Message", new() { ["body"] = "Please forward it." });

        var messages = Notifications(app).Where(n => n.Kind == NotificationKind.ReportMessage).ToList();
        var sent = Assert.Single(messages);
        Assert.Equal(reporter.Id, sent.RecipientId);
        Assert.Contains("Please forward us the mail.", sent.Text);
    }

    private static Task<HttpResponseMessage> AddTaskAsync(TestClient client, long id, string title, long ownerId) =>
        client.PostHtmxAsync($"/incidents/{id}?handler=Task", new()
        {
            ["Kind"] = "Investigation",
            ["Title"] = title,
            ["OwnerId"] = ownerId.ToString(),
            ["DueDate"] = "2027-01-15",
        });

    private static void OptOut(TestApp app, long userId, NotificationKind kind)
    {
        using var db = app.Db.Open();
        db.Insert(new NotificationOptOut { UserId = userId, Kind = kind });
    }

    private static List<Notification> Notifications(TestApp app)
    {
        using var db = app.Db.Open();
        return db.Notifications.OrderBy(n => n.Id).ToList();
    }

    private static List<IncidentTask> Tasks(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentTasks.Where(t => t.IncidentId == id).OrderBy(t => t.Id).ToList();
    }
}
