using System.Net;
using ClosedXML.Excel;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Notifications;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Tests.Pages.Reports;

public sealed class ReportPagesTests
{
    private const string Range = "from=2026-03-01&to=2026-03-31";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task User_export_holds_only_own_tickets_and_is_audited(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (me, client) = await app.ClientForAsync(Role.User);
        var other = app.CreateUser(Role.User);
        using (var db = app.Db.Open())
        {
            TestRecords.AddTicket(db, me.Id, change: t => t.Subject = "=HYPERLINK(\"x\")");
            TestRecords.AddTicket(db, me.Id, change: t => t.Priority = Priority.High);
            TestRecords.AddTicket(db, other.Id, change: t => t.Subject = "Someone else's laptop");
        }

        using var response = await client.GetAsync($"/reports?handler=export&what=list&kind=tickets&{Range}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("Tickets");
        var subjects = sheet.Column(2).CellsUsed().Skip(1).Select(c => c.GetString()).ToList();
        Assert.Equal(2, subjects.Count);
        Assert.DoesNotContain("Someone else's laptop", subjects);
        Assert.Contains("=HYPERLINK(\"x\")", subjects);
        Assert.False(sheet.Cell(2, 2).HasFormula);
        Assert.Equal(XLDataType.DateTime, sheet.Cell(2, 8).DataType);
        Assert.Equal("Only tickets you filed", workbook.Worksheet("Summary").Cell(7, 2).GetString());
        using var check = app.Db.Open();
        var entry = check.AuditEntries.Where(e => e.Action == AuditEvent.Export_Downloaded).ToList().Single();
        Assert.Equal(me.Id, entry.ActorId);
        Assert.Contains("\"report\":\"ticket list\"", entry.Details);
        Assert.Contains("\"rows\":2", entry.Details);
        Assert.Contains("\"From\":\"2026-03-01\"", entry.Details);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ticket_report_workbook_matches_the_page(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.ItSupport);
        var requester = app.CreateUser(Role.User);
        using (var db = app.Db.Open())
        {
            TestRecords.AddTicket(db, requester.Id);
            TestRecords.AddTicket(db, requester.Id, change: t => t.RequestType = RequestType.General);
            TestRecords.AddTicket(db, requester.Id, createdAt: new DateTime(2026, 4, 1, 9, 0, 0, DateTimeKind.Utc));
        }

        var html = await client.GetHtmlAsync($"/reports?kind=tickets&{Range}");
        using var response = await client.GetAsync($"/reports?handler=export&what=report&kind=tickets&{Range}");

        Assert.Contains("<span class=\"stat-value\">2</span> tickets filed", html);
        using var workbook = new XLWorkbook(await response.Content.ReadAsStreamAsync());
        var byType = workbook.Worksheet("Volume by type");
        Assert.Equal("Hardware", byType.Cell(4, 1).GetString());
        Assert.Equal(XLDataType.Number, byType.Cell(4, 2).DataType);
        Assert.Equal(1, byType.Cell(4, 2).GetDouble());
        Assert.Equal(1, byType.Cell(7, 2).GetDouble());
        Assert.Equal("Ticket report", workbook.Worksheet("Summary").Cell(1, 2).GetString().Replace("ticket", "Ticket"));
        Assert.Equal(2, workbook.Worksheet("Resolution").Cell(2, 1).GetDouble());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Incident_reports_answer_404_to_it_support_and_users(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);

        using var agentPage = await agent.GetAsync($"/reports?kind=incidents&{Range}");
        using var agentExport = await agent.GetAsync($"/reports?handler=export&what=list&kind=incidents&{Range}");
        using var userExport = await user.GetAsync($"/reports?handler=export&what=report&kind=incidents&{Range}");
        using var officerExport = await officer.GetAsync($"/reports?handler=export&what=list&kind=incidents&{Range}");

        Assert.Equal(HttpStatusCode.NotFound, agentPage.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, agentExport.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, userExport.StatusCode);
        Assert.Equal(HttpStatusCode.OK, officerExport.StatusCode);
        using var workbook = new XLWorkbook(await officerExport.Content.ReadAsStreamAsync());
        Assert.Equal("Number", workbook.Worksheet("Incidents").Cell(1, 1).GetString());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reversed_range_is_rejected_without_audit(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.ItSupport);

        using var response = await client.GetAsync("/reports?handler=export&what=list&from=2026-03-31&to=2026-03-01");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var db = app.Db.Open();
        Assert.Empty(db.AuditEntries.Where(e => e.Action == AuditEvent.Export_Downloaded).ToList());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Dashboards_show_role_panels_with_links(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (me, user) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        using (var db = app.Db.Open())
        {
            TestRecords.AddTicket(db, me.Id, change: t => t.Status = TicketStatus.WaitingForUser);
            TestRecords.AddTicket(db, me.Id, createdAt: DateTime.UtcNow.AddDays(-2));
        }

        var userHtml = await user.GetHtmlAsync("/");
        var agentHtml = await agent.GetHtmlAsync("/");
        var officerHtml = await officer.GetHtmlAsync("/");
        var adminHtml = await admin.GetHtmlAsync("/");

        Assert.Contains("<span class=\"stat-value\">2</span> open tickets", userHtml);
        Assert.Contains("<span class=\"stat-value\">1</span> waiting for my reply", userHtml);
        Assert.DoesNotContain("Ticket queue", userHtml);
        Assert.Contains("<a href=\"/tickets?status=New\">1</a>", agentHtml);
        Assert.Contains("<svg class=\"chart\"", agentHtml);
        Assert.DoesNotContain("Security incidents", agentHtml);
        Assert.Contains("Open incidents by phase", officerHtml);
        Assert.DoesNotContain("Ticket queue", officerHtml);
        Assert.Contains("System health", adminHtml);
        Assert.Contains("Reachable", adminHtml);
        Assert.Contains("Never verified", adminHtml);
        Assert.Contains("Ticket queue", adminHtml);
        Assert.Contains("Security incidents", adminHtml);
    }
}
