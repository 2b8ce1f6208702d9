using System.Net;
using System.Security.Cryptography;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Incidents;
using HelpdeskLite.Pages.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Pages.Tickets;
using HelpdeskLite.Tickets;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class ConversionTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Requester_message_lands_on_ticket(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (requester, user) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var number = await TicketSteps.FileAsync(user, "Strange pop-up asks for password");
        await officer.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });
        long incidentId;
        using (var lookup = app.Db.Open())
        {
            incidentId = lookup.Incidents.Single().Id;
        }

        const string message = "Please change your password today; the pop-up was not ours.";

        var response = await officer.PostFormAsync($"/incidents/{incidentId}?handler=Message", new() { ["body"] = message });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var ticketPage = await user.GetHtmlAsync($"/tickets/{number}");
        Assert.Contains(message, ticketPage, StringComparison.Ordinal);
        using var db = app.Db.Open();
        Assert.Contains(db.Notifications.Where(n => n.RecipientId == requester.Id).ToList(),
            n => n.Kind == HelpdeskLite.Notifications.NotificationKind.TicketPublicComment && n.Link == $"/tickets/{number}");
        Assert.Single(db.IncidentTimeline.Where(e => e.IncidentId == incidentId && e.Kind == TimelineKind.MessageToReporter));
        var status = await user.GetAsync($"/incidents/mine/{incidentId}");
        Assert.Equal(HttpStatusCode.NotFound, status.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Conversion_carries_every_file_and_links_both_ways(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (requester, user) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var number = await TicketSteps.FileAsync(user, "Strange pop-up asks for password", null,
            ("files", "screen.pdf", TicketSteps.PdfBytes), ("files", "notes.txt", IncidentSteps.LogBytes));
        var ticket = TicketSteps.Ticket(app, number);
        var filesBefore = StoredFileCount(app);

        var response = await agent.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });
        var again = await agent.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already converted", await again.Content.ReadAsStringAsync());
        using var db = app.Db.Open();
        var incident = db.Incidents.Single();
        var attachments = db.TicketAttachments.Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).ToList();
        var evidence = db.IncidentEvidence.Where(e => e.IncidentId == incident.Id).OrderBy(e => e.Id).ToList();
        Assert.Equal(ticket.Id, incident.SourceTicketId);
        Assert.Equal(requester.Id, incident.ReporterId);
        Assert.Equal(attachments.Count + 1, evidence.Count);
        Assert.Equal(EvidenceOrigin.TicketDescription, evidence[0].Origin);
        Assert.Equal(EvidenceCommands.Sha256Of(ticket.Description), evidence[0].Sha256);
        foreach (var (attachment, item) in attachments.Zip(evidence.Skip(1)))
        {
            Assert.Equal(attachment.Sha256, item.Sha256);
            Assert.Equal(attachment.StorageKey, item.StorageKey);
            Assert.Equal(attachment.Id, item.SourceAttachmentId);
            Assert.Equal(attachment.Sha256, await app.Services.GetRequiredService<FileStore>().HashAsync(item.StorageKey!));
        }

        Assert.Equal(filesBefore, StoredFileCount(app));
        Assert.Equal(1, db.Incidents.Count());
        var notes = db.TicketComments.Where(c => c.TicketId == ticket.Id).ToList();
        Assert.Contains(notes, c => c.IsInternal && c.Body == $"Converted to incident {incident.NumberText}.");
        Assert.Contains(notes, c => !c.IsInternal && c.Body == ConversionCommands.RequesterMessage);
        Assert.DoesNotContain(notes, c => !c.IsInternal && c.Body.Contains(IncidentNames.Prefix));
        Assert.Equal(TicketStatus.New, db.Tickets.Single(t => t.Id == ticket.Id).Status);
        var ticketPage = await agent.GetHtmlAsync($"/tickets/{number}");
        Assert.Contains($"href=\"/incidents/{incident.Id}\"", ticketPage);
        var summary = await agent.GetHtmlAsync($"/incidents/{incident.Id}");
        Assert.Contains($"<a href=\"/tickets/{number}\">{ticket.NumberText}</a>", summary);
        Assert.DoesNotContain("incident-evidence", summary);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Requester_dashboard_hides_investigation_status(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var number = await TicketSteps.FileAsync(user);
        await agent.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });
        var reported = await IncidentSteps.ReportAsync(user);
        using (var db = app.Db.Open())
        {
            db.Incidents.Set(i => i.Status, IncidentStatus.Contained).Update();
        }

        var dashboard = await user.GetHtmlAsync("/");

        using var check = app.Db.Open();
        var converted = check.Incidents.Single(i => i.SourceTicketId != null);
        Assert.DoesNotContain(converted.NumberText, dashboard);
        Assert.Contains($"href=\"/incidents/mine/{reported}\"", dashboard);
        Assert.Contains(ReporterView.StatusText(IncidentStatus.Contained), dashboard);
        Assert.DoesNotContain("Contained", dashboard);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Conversion_resolves_ticket_when_setting_says_so(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var number = await TicketSteps.FileAsync(user);
        var setting = await admin.PostFormAsync("/incidents/playbooks?handler=Conversion", new() { ["resolve"] = "true" });

        var response = await admin.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });

        Assert.Equal(HttpStatusCode.Redirect, setting.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(TicketStatus.Resolved, TicketSteps.Ticket(app, number).Status);
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Settings_Changed));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Conversion_of_invisible_ticket_is_refused(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, owner) = await app.ClientForAsync(Role.User);
        var (_, stranger) = await app.ClientForAsync(Role.User);
        var number = await TicketSteps.FileAsync(owner);

        var byStranger = await stranger.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });
        var byOwner = await owner.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = number.ToString() });
        var unknown = await stranger.PostFormAsync("/incidents/convert", new() { ["ticketNumber"] = "999999" });

        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(0, db.Incidents.Count());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Simultaneous_conversions_create_one_incident(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, first) = await app.ClientForAsync(Role.ItSupport);
        var (_, second) = await app.ClientForAsync(Role.SecurityOfficer);
        var number = await TicketSteps.FileAsync(user);
        var fields = new Dictionary<string, string> { ["ticketNumber"] = number.ToString() };

        var responses = await Task.WhenAll(
            first.PostFormAsync("/incidents/convert", fields), second.PostFormAsync("/incidents/convert", fields));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.BadRequest);
        using var db = app.Db.Open();
        Assert.Equal(1, db.Incidents.Count());
    }

    private static int StoredFileCount(TestApp app)
    {
        var root = app.Services.GetRequiredService<FileStore>().Root;
        return Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Count();
    }
}
