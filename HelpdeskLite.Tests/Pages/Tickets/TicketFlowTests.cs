using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Pages.Tickets;

public sealed class TicketFlowTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ticket_goes_from_filing_to_confirmed_close(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, userClient) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);

        var number = await FileAsync(userClient, files: ("attachments", "error report.pdf", PdfBytes));
        var assigned = await MoveAsync(agentClient, app, number, TicketStatus.Assigned, assigneeId: agent.Id);
        var started = await MoveAsync(agentClient, app, number, TicketStatus.InProgress);
        var asked = await MoveAsync(agentClient, app, number, TicketStatus.WaitingForUser, "Which tray do you use?");
        var paused = Ticket(app, number);
        var replied = await userClient.PostMultipartAsync($"/tickets/{number}?handler=Comment", new() { ["body"] = "The lower one." });
        var resumed = Ticket(app, number);
        var resolved = await MoveAsync(agentClient, app, number, TicketStatus.Resolved, "Replaced the roller.");
        var confirmed = await MoveAsync(userClient, app, number, TicketStatus.Closed);

        Assert.All(new[] { assigned, started, asked, replied, resolved, confirmed },
            r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(SlaState.Paused, paused.SlaState);
        Assert.Null(paused.ResolutionDue);
        Assert.Equal(TicketStatus.InProgress, resumed.Status);
        Assert.NotNull(resumed.ResolutionDue);
        var closed = Ticket(app, number);
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal("Replaced the roller.", closed.ResolutionNote);
        Assert.NotNull(closed.FirstResponseAt);
        Assert.Equal(6, AuditCount(app, number, AuditEvent.Ticket_StatusChanged));
        Assert.Equal(1, AuditCount(app, number, AuditEvent.Ticket_AttachmentUploaded));
        Assert.Equal(user.Id, closed.RequesterId);
    }

    [Fact]
    public async Task Reopened_ticket_labels_earlier_resolution()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(userClient);
        await MoveAsync(agentClient, app, number, TicketStatus.Assigned, assigneeId: agent.Id);
        await MoveAsync(agentClient, app, number, TicketStatus.InProgress);
        await MoveAsync(agentClient, app, number, TicketStatus.Resolved, "Replaced the roller.");
        Assert.Contains("<h2>Resolution</h2>", await userClient.GetHtmlAsync($"/tickets/{number}"));

        using var reopened = await MoveAsync(userClient, app, number, TicketStatus.InProgress, "It jams again.");

        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var html = await userClient.GetHtmlAsync($"/tickets/{number}");
        Assert.Contains("<h2>Earlier resolution</h2>", html);
        Assert.DoesNotContain("<h2>Resolution</h2>", html);
        Assert.Contains("Replaced the roller.", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ticket_page_shows_history_and_sla_explanation(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(userClient, "Laptop <b>fan</b> noise");
        await MoveAsync(agentClient, app, number, TicketStatus.Assigned, assigneeId: agent.Id);

        var html = await userClient.GetHtmlAsync($"/tickets/{number}");

        Assert.Contains("Laptop &lt;b&gt;fan&lt;/b&gt; noise", html);
        Assert.Contains("Filed the ticket", html);
        Assert.Contains("Changed the status from New to Assigned", html);
        Assert.Contains("Business time counted so far", html);
        Assert.Contains("Office hours", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Skipped_step_is_refused_and_changes_nothing(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (_, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(userClient);
        var before = Ticket(app, number);

        var response = await MoveAsync(agentClient, app, number, TicketStatus.Resolved, "Done");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cannot move from New to Resolved", await response.Content.ReadAsStringAsync());
        var after = Ticket(app, number);
        Assert.Equal(TicketStatus.New, after.Status);
        Assert.Equal(before.RowVersion, after.RowVersion);
        Assert.Equal(0, AuditCount(app, number, AuditEvent.Ticket_StatusChanged));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Stale_page_answers_409_with_current_state(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var (other, otherClient) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(userClient);
        var staleVersion = Ticket(app, number).RowVersion;
        await MoveAsync(agentClient, app, number, TicketStatus.Assigned, assigneeId: agent.Id);

        var response = await otherClient.PostFormAsync($"/tickets/{number}?handler=Assign",
            new() { ["rowVersion"] = staleVersion.ToString(), ["assigneeId"] = other.Id.ToString() });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("changed by someone else", html);
        Assert.Contains("Assigned", html);
        Assert.Equal(agent.Id, Ticket(app, number).AssigneeId);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Priority_override_recomputes_and_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (_, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(userClient);
        var before = Ticket(app, number);

        var response = await agentClient.PostFormAsync($"/tickets/{number}?handler=Priority", new()
        {
            ["rowVersion"] = before.RowVersion.ToString(),
            ["priority"] = "Critical",
            ["reason"] = "Whole floor cannot print",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = Ticket(app, number);
        Assert.Equal(Priority.Critical, after.Priority);
        Assert.True(after.ResolutionDue < before.ResolutionDue);
        Assert.Equal(1, AuditCount(app, number, AuditEvent.Ticket_PriorityChanged));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Agent_files_on_behalf_with_priority_override(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);

        var number = await FileAsync(agentClient, extra: new()
        {
            ["Input.RequesterId"] = user.Id.ToString(),
            ["Input.PriorityOverride"] = "High",
            ["Input.OverrideReason"] = "VIP",
        });

        var ticket = Ticket(app, number);
        Assert.Equal(user.Id, ticket.RequesterId);
        Assert.Equal(agent.Id, ticket.CreatedById);
        Assert.Equal(Priority.High, ticket.Priority);
        Assert.True(ticket.PriorityOverridden);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bulk_assign_assigns_selected_tickets(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var (agent, agentClient) = await app.ClientForAsync(Role.ItSupport);
        var first = await FileAsync(userClient, "First");
        var second = await FileAsync(userClient, "Second");

        var queue = await agentClient.GetHtmlAsync("/tickets?view=all&q=First");
        var start = queue.IndexOf("<form method=\"post\" action=\"", StringComparison.Ordinal) + 29;
        var action = WebUtility.HtmlDecode(queue[start..queue.IndexOf('"', start)]);

        var response = await agentClient.PostFormAsync(action, new()
        {
            ["selected"] = $"{first}:{Ticket(app, first).RowVersion}",
            ["assigneeId"] = agent.Id.ToString(),
        });

        Assert.Contains("handler=BulkAssign", action);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("q=First", response.Headers.Location!.ToString());
        Assert.Contains("done=assigned", response.Headers.Location!.ToString());
        Assert.Equal(TicketStatus.Assigned, Ticket(app, first).Status);
        Assert.Equal(TicketStatus.New, Ticket(app, second).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_upload_is_refused_and_nothing_is_filed(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var fields = new Dictionary<string, string> { ["Input.Subject"] = "With files", ["Input.RequestType"] = "General" };

        var empty = await userClient.PostMultipartAsync("/tickets/new", fields, ("attachments", "empty.pdf", []));
        var disguised = await userClient.PostMultipartAsync("/tickets/new", fields, ("attachments", "invoice.pdf", "MZ\0\0binary"u8.ToArray()));
        var page = await userClient.PostMultipartAsync("/tickets/new", fields, ("attachments", "notes.txt", "<script>alert(1)</script>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("is empty", await empty.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, disguised.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(0, db.Tickets.Count());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Download_sends_safe_name_and_nosniff(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, userClient) = await app.ClientForAsync(Role.User);
        var number = await FileAsync(userClient, files: ("attachments", "../../etc/re\u202Eport\u0007.pdf", PdfBytes));
        using var db = app.Db.Open();
        var attachment = db.TicketAttachments.Single();

        var response = await userClient.GetAsync($"/tickets/{number}?handler=attachment&attachmentId={attachment.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("report.pdf", attachment.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(PdfBytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, AuditCount(app, number, AuditEvent.Ticket_AttachmentDownloaded));
    }
}
