using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Admin.Sla;

/// <summary>SLA policies per priority, business calendars, the priority matrix and the auto-close delay.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class IndexModel(HelpdeskDbFactory dbs, SlaSettingsCommands commands) : PageModel
{
    public IReadOnlyList<SlaPolicy> SlaPolicies { get; private set; } = [];

    public IReadOnlyList<BusinessCalendarRow> Calendars { get; private set; } = [];

    public ILookup<long, CalendarHoliday> Holidays { get; private set; } = Array.Empty<CalendarHoliday>().ToLookup(h => h.CalendarId);

    public TicketSettings Settings { get; private set; } = TicketSettings.Default;

    public string? Message { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(string? done)
    {
        Message = done is null ? null : "The settings were saved.";
        Load();
    }

    public IActionResult OnPostPolicy(Priority priority, int firstResponse, SlaUnit firstUnit, int resolution, SlaUnit resolutionUnit, long calendarId) =>
        Respond(commands.SavePolicy(HttpContext.AuditActor(), priority, firstResponse, firstUnit, resolution, resolutionUnit, calendarId));

    public IActionResult OnPostCalendar(
        long id, int rowVersion, string? name, string? timeZone, bool aroundTheClock, string? weeklyHours, int businessDayMinutes, string? holidays) =>
        Respond(commands.SaveCalendar(HttpContext.AuditActor(), id, rowVersion, name, timeZone, aroundTheClock, weeklyHours, businessDayMinutes, holidays));

    public IActionResult OnPostMatrix(Dictionary<string, Priority> cell)
    {
        var matrix = new Dictionary<(Level, Level), Priority>();
        foreach (var impact in Enum.GetValues<Level>())
        {
            foreach (var urgency in Enum.GetValues<Level>())
            {
                if (cell.TryGetValue($"{impact}-{urgency}", out var priority))
                {
                    matrix[(impact, urgency)] = priority;
                }
            }
        }

        return Respond(commands.SaveMatrix(HttpContext.AuditActor(), matrix));
    }

    public IActionResult OnPostAutoClose(int days) => Respond(commands.SaveAutoCloseDays(HttpContext.AuditActor(), days));

    /// <summary>Rejects a post whose numbers or choices did not bind, before any handler saves a default.</summary>
    [NonHandler]
    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (HttpMethods.IsPost(Request.Method) && !ModelState.IsValid)
        {
            context.Result = Respond("A field has an invalid value. Check the form and try again.");
        }
    }

    private IActionResult Respond(string? error)
    {
        if (error is null)
        {
            return Redirect("/admin/sla?done=saved");
        }

        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Load();
        return Page();
    }

    private void Load()
    {
        using var db = dbs.Open();
        SlaPolicies = db.SlaPolicies.OrderBy(p => p.Priority).ToList();
        Calendars = db.BusinessCalendars.OrderBy(c => c.Id).ToList();
        Holidays = db.CalendarHolidays.OrderBy(h => h.Date).ToList().ToLookup(h => h.CalendarId);
        Settings = TicketSettings.Load(db);
    }
}
