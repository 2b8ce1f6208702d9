using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Pages.Tickets;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Admin;

public sealed class SlaSettingsTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Admin_saves_policy_calendar_matrix_and_auto_close(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        var policy = await admin.PostFormAsync("/admin/sla?handler=Policy", new()
        {
            ["priority"] = "High", ["firstResponse"] = "3", ["firstUnit"] = "Hours",
            ["resolution"] = "2", ["resolutionUnit"] = "Days", ["calendarId"] = "1",
        });
        var calendar = await admin.PostFormAsync("/admin/sla?handler=Calendar", new()
        {
            ["id"] = "1", ["rowVersion"] = "0", ["name"] = "Berlin office", ["timeZone"] = "Europe/Berlin",
            ["weeklyHours"] = "Mon 08:00-16:00; Fri 08:00-12:00", ["businessDayMinutes"] = "480",
            ["holidays"] = "2026-12-25 Christmas Day\n2026-12-26 Boxing Day",
        });
        var matrix = await admin.PostFormAsync("/admin/sla?handler=Matrix", Cells("Critical"));
        var autoClose = await admin.PostFormAsync("/admin/sla?handler=AutoClose", new() { ["days"] = "7" });

        Assert.All(new[] { policy, calendar, matrix, autoClose }, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        using var db = app.Db.Open();
        Assert.Equal(3, db.SlaPolicies.Single(p => p.Priority == Priority.High).FirstResponseTarget);
        Assert.Equal("Europe/Berlin", db.BusinessCalendars.Single(c => c.Id == 1).TimeZone);
        Assert.Equal(2, db.CalendarHolidays.Count(h => h.CalendarId == 1));
        var settings = TicketSettings.Load(db);
        Assert.Equal(Priority.Critical, settings.PriorityFor(Level.Low, Level.Low));
        Assert.Equal(7, settings.AutoCloseBusinessDays);
        var actions = db.GetTable<AuditEntry>().Select(e => e.Action).ToList();
        Assert.Contains(AuditEvent.Ticket_SlaPolicyChanged, actions);
        Assert.Contains(AuditEvent.Ticket_CalendarChanged, actions);
        Assert.Contains(AuditEvent.Ticket_PriorityMatrixChanged, actions);
        Assert.Contains(AuditEvent.Ticket_AutoCloseDaysChanged, actions);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Invalid_calendar_is_refused_and_changes_nothing(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);

        var response = await admin.PostFormAsync("/admin/sla?handler=Calendar", new()
        {
            ["id"] = "1", ["rowVersion"] = "0", ["name"] = "Broken", ["timeZone"] = "Mars/Olympus",
            ["weeklyHours"] = "Mon 17:00-09:00", ["businessDayMinutes"] = "480",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal("Office hours", db.BusinessCalendars.Single(c => c.Id == 1).Name);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Settings_change_recomputes_open_tickets(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var (_, user) = await app.ClientForAsync(Role.User);
        var open = await TicketSteps.FileAsync(user, "Laptop fan is loud");
        var done = await TicketSteps.FileAsync(user, "Monitor flickers");
        using (var db = app.Db.Open())
        {
            db.Tickets.Where(t => t.Number == done).Set(t => t.Status, TicketStatus.Resolved).Update();
        }

        var doneBefore = TicketSteps.Ticket(app, done);
        Assert.Equal(Priority.Medium, TicketSteps.Ticket(app, open).Priority);

        var policy = await admin.PostFormAsync("/admin/sla?handler=Policy", new()
        {
            ["priority"] = "Medium", ["firstResponse"] = "1", ["firstUnit"] = "Hours",
            ["resolution"] = "1", ["resolutionUnit"] = "Days", ["calendarId"] = "2",
        });

        Assert.Equal(HttpStatusCode.Redirect, policy.StatusCode);
        var recomputed = TicketSteps.Ticket(app, open);
        Assert.Equal(recomputed.CreatedAt.AddHours(1), recomputed.FirstResponseDue);
        Assert.Equal(recomputed.CreatedAt.AddDays(1), recomputed.ResolutionDue);
        Assert.Equal(doneBefore.ResolutionDue, TicketSteps.Ticket(app, done).ResolutionDue);
        Assert.Equal(1, TicketSteps.AuditCount(app, open, AuditEvent.Ticket_SlaRecomputed));
        Assert.Equal(0, TicketSteps.AuditCount(app, done, AuditEvent.Ticket_SlaRecomputed));
        Assert.Contains("Recomputed the due times", await admin.GetHtmlAsync($"/tickets/{open}"));
        Assert.DoesNotContain("Recomputed the due times", await user.GetHtmlAsync($"/tickets/{open}"));

        var calendar = await admin.PostFormAsync("/admin/sla?handler=Calendar", new()
        {
            ["id"] = "2", ["rowVersion"] = "0", ["name"] = "Half days", ["timeZone"] = "UTC",
            ["weeklyHours"] = "Mon 08:00-12:00; Tue 08:00-12:00; Wed 08:00-12:00; Thu 08:00-12:00; Fri 08:00-12:00",
            ["businessDayMinutes"] = "240",
        });

        Assert.Equal(HttpStatusCode.Redirect, calendar.StatusCode);
        Assert.NotEqual(recomputed.ResolutionDue, TicketSteps.Ticket(app, open).ResolutionDue);
        Assert.Equal(2, TicketSteps.AuditCount(app, open, AuditEvent.Ticket_SlaRecomputed));
    }

    [Fact]
    public async Task Calendar_without_working_time_is_refused()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var (_, user) = await app.ClientForAsync(Role.User);
        var open = await TicketSteps.FileAsync(user, "Laptop fan is loud");
        var before = TicketSteps.Ticket(app, open).ResolutionDue;

        using var response = await admin.PostFormAsync("/admin/sla?handler=Calendar", new()
        {
            ["id"] = "1", ["rowVersion"] = "0", ["name"] = "One minute", ["timeZone"] = "UTC",
            ["weeklyHours"] = "Mon 09:00-09:01", ["businessDayMinutes"] = "1440",
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Nothing was saved", await response.Content.ReadAsStringAsync());
        using var db = app.Db.Open();
        Assert.Equal("Office hours", db.BusinessCalendars.Single(c => c.Id == 1).Name);
        Assert.Equal(before, TicketSteps.Ticket(app, open).ResolutionDue);
    }

    private static Dictionary<string, string> Cells(string priority)
    {
        var cells = new Dictionary<string, string>();
        foreach (var impact in Enum.GetNames<Level>())
        {
            foreach (var urgency in Enum.GetNames<Level>())
            {
                cells[$"cell[{impact}-{urgency}]"] = priority;
            }
        }

        return cells;
    }
}
