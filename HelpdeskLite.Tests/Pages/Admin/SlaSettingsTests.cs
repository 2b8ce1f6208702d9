using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
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
