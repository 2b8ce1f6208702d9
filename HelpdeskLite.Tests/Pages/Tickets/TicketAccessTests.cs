using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Pages.Tickets;

public sealed class TicketAccessTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Other_users_ticket_answers_404_through_every_door(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, owner) = await app.ClientForAsync(Role.User);
        var (_, stranger) = await app.ClientForAsync(Role.User);
        var number = await FileAsync(owner, "Secret salary spreadsheet", files: ("attachments", "pay.pdf", PdfBytes));
        long attachmentId;
        using (var db = app.Db.Open())
        {
            attachmentId = db.TicketAttachments.Single().Id;
        }

        var version = Ticket(app, number).RowVersion.ToString();
        var page = await stranger.GetAsync($"/tickets/{number}");
        var download = await stranger.GetAsync($"/tickets/{number}?handler=attachment&attachmentId={attachmentId}");
        var comment = await stranger.PostMultipartAsync($"/tickets/{number}?handler=Comment", new() { ["body"] = "hello" });
        var move = await stranger.PostFormAsync($"/tickets/{number}?handler=Transition", new() { ["rowVersion"] = version, ["to"] = "Closed" });
        var assign = await stranger.PostFormAsync($"/tickets/{number}?handler=Assign", new() { ["rowVersion"] = version, ["assigneeId"] = "1" });
        var priority = await stranger.PostFormAsync($"/tickets/{number}?handler=Priority",
            new() { ["rowVersion"] = version, ["priority"] = "Low", ["reason"] = "x" });
        var search = await stranger.GetHtmlAsync("/tickets?view=all&q=salary");
        var searchFragment = await stranger.GetHtmxAsync($"/tickets?q=T-{number}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, assign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, priority.StatusCode);
        Assert.DoesNotContain("Secret salary", search);
        Assert.DoesNotContain("Secret salary", await searchFragment.Content.ReadAsStringAsync());
        using var check = app.Db.Open();
        Assert.Equal(0, check.TicketComments.Count());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Requester_never_sees_internal_notes_or_their_files(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, owner) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(owner);
        await agent.PostMultipartAsync($"/tickets/{number}?handler=Comment",
            new() { ["body"] = "Suspect a phishing victim", ["isInternal"] = "true" }, ("attachments", "headers.pdf", PdfBytes));
        long attachmentId;
        using (var db = app.Db.Open())
        {
            attachmentId = db.TicketAttachments.Single().Id;
        }

        var ownerPage = await owner.GetHtmlAsync($"/tickets/{number}");
        var ownerDownload = await owner.GetAsync($"/tickets/{number}?handler=attachment&attachmentId={attachmentId}");
        var agentPage = await agent.GetHtmlAsync($"/tickets/{number}");

        Assert.DoesNotContain("phishing victim", ownerPage);
        Assert.DoesNotContain("headers.pdf", ownerPage);
        Assert.Equal(HttpStatusCode.NotFound, ownerDownload.StatusCode);
        Assert.Contains("phishing victim", agentPage);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task User_cannot_set_fields_reserved_for_agents(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        var other = app.CreateUser(Role.User);
        var agent = app.CreateUser(Role.ItSupport);

        var number = await FileAsync(client, extra: new()
        {
            ["Input.RequesterId"] = other.Id.ToString(),
            ["Input.PriorityOverride"] = "Critical",
            ["Input.OverrideReason"] = "Because",
        });
        await client.PostMultipartAsync($"/tickets/{number}?handler=Comment", new() { ["body"] = "Internal?", ["isInternal"] = "true" });
        var assign = await client.PostFormAsync($"/tickets/{number}?handler=Assign",
            new() { ["rowVersion"] = Ticket(app, number).RowVersion.ToString(), ["assigneeId"] = agent.Id.ToString() });
        var move = await MoveAsync(client, app, number, TicketStatus.Assigned, assigneeId: agent.Id);

        var ticket = Ticket(app, number);
        Assert.Equal(user.Id, ticket.RequesterId);
        Assert.Equal(Priority.Medium, ticket.Priority);
        Assert.False(ticket.PriorityOverridden);
        Assert.Null(ticket.AssigneeId);
        Assert.Equal(TicketStatus.New, ticket.Status);
        Assert.Equal(HttpStatusCode.BadRequest, assign.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, move.StatusCode);
        using var db = app.Db.Open();
        Assert.False(db.TicketComments.Single().IsInternal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Queue_shows_a_user_only_their_own_tickets(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, first) = await app.ClientForAsync(Role.User);
        var (_, second) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        await FileAsync(first, "Alpha VPN drops");
        await FileAsync(second, "Bravo mailbox full");

        var firstQueue = await first.GetHtmlAsync("/tickets?view=all");
        var officerQueue = await officer.GetHtmlAsync("/tickets?view=all");

        Assert.Contains("Alpha VPN drops", firstQueue);
        Assert.DoesNotContain("Bravo mailbox full", firstQueue);
        Assert.Contains("Alpha VPN drops", officerQueue);
        Assert.Contains("Bravo mailbox full", officerQueue);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Security_officer_reads_but_cannot_comment(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, owner) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var number = await FileAsync(owner);

        var page = await officer.GetAsync($"/tickets/{number}");
        var comment = await officer.PostMultipartAsync($"/tickets/{number}?handler=Comment", new() { ["body"] = "Looking" });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, comment.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sla_settings_are_for_admins_only(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        var agentPage = await agent.GetAsync("/admin/sla");
        var agentPost = await agent.PostFormAsync("/admin/sla?handler=AutoClose", new() { ["days"] = "9" });
        var adminPage = await admin.GetAsync("/admin/sla");

        Assert.Equal(HttpStatusCode.Forbidden, agentPage.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, agentPost.StatusCode);
        Assert.Equal(HttpStatusCode.OK, adminPage.StatusCode);
    }
}
