using System.Globalization;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;

namespace HelpdeskLite.Tickets.Sla;

/// <summary>The SLA policies and calendars in force, loaded together so one change sees one version.</summary>
public sealed record SlaConfiguration(
    IReadOnlyDictionary<Priority, SlaPolicy> Policies,
    IReadOnlyDictionary<long, BusinessCalendar> Calendars)
{
    public static SlaConfiguration Load(HelpdeskDb db)
    {
        var holidays = db.CalendarHolidays.ToList().ToLookup(h => h.CalendarId);
        var calendars = db.BusinessCalendars.ToList().ToDictionary(c => c.Id, c => ToCalendar(c, holidays[c.Id]));
        var policies = db.SlaPolicies.ToList().ToDictionary(p => p.Priority);
        return new SlaConfiguration(policies, calendars);
    }

    public static BusinessCalendar ToCalendar(BusinessCalendarRow row, IEnumerable<CalendarHoliday> holidays)
    {
        var zone = TimeZones.Find(row.TimeZone);
        if (row.AroundTheClock)
        {
            return BusinessCalendar.TwentyFourSeven(zone) with { Name = row.Name };
        }

        var days = holidays
            .Select(h => DateOnly.TryParseExact(h.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>()
            .ToHashSet();
        var week = WeeklyHoursText.Parse(row.WeeklyHours).Week ?? [];
        return new BusinessCalendar(row.Name, zone, false, week, days, row.BusinessDayMinutes / 60.0);
    }

    public SlaPolicy PolicyFor(Priority priority) =>
        Policies.TryGetValue(priority, out var policy)
            ? policy
            : throw new InvalidOperationException($"No SLA policy exists for priority {priority}.");

    public BusinessCalendar CalendarFor(Priority priority) =>
        Calendars.TryGetValue(PolicyFor(priority).CalendarId, out var calendar)
            ? calendar
            : throw new InvalidOperationException($"The SLA policy for {priority} names a calendar that does not exist.");

    /// <summary>Returns the first-response and resolution business time of a priority.</summary>
    public (TimeSpan FirstResponse, TimeSpan Resolution) TargetsFor(Priority priority)
    {
        var policy = PolicyFor(priority);
        var calendar = CalendarFor(priority);
        return (calendar.ToBusinessTime(policy.FirstResponseTarget, policy.FirstResponseUnit),
            calendar.ToBusinessTime(policy.ResolutionTarget, policy.ResolutionUnit));
    }
}

/// <summary>Sets a ticket's stored due times and SLA state from its priority, start and pauses.</summary>
public static class TicketSla
{
    public static void Recompute(Ticket ticket, IReadOnlyList<SlaPause> pauses, SlaConfiguration config)
    {
        var calendar = config.CalendarFor(ticket.Priority);
        var (firstResponse, resolution) = config.TargetsFor(ticket.Priority);
        var spans = pauses.Select(p => new PauseSpan(p.StartedAt, p.EndedAt)).ToList();

        var first = SlaCalculator.Target(calendar, ticket.CreatedAt, firstResponse, spans);
        ticket.FirstResponseDue = first.Due;
        ticket.FirstResponseWarnAt = first.WarnAt;

        var resolve = SlaCalculator.Target(calendar, ticket.CreatedAt, resolution, spans);
        ticket.ResolutionDue = resolve.Due;
        ticket.ResolutionWarnAt = resolve.WarnAt;

        ticket.SlaState = StateOf(ticket, spans.Any(p => p.End is null));
    }

    private static SlaState StateOf(Ticket ticket, bool paused)
    {
        var breached = ticket.FirstResponseBreachedAt is not null || ticket.ResolutionBreachedAt is not null;
        if (ticket.Status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            return breached ? SlaState.Breached : SlaState.Met;
        }

        if (breached)
        {
            return SlaState.Breached;
        }

        if (paused)
        {
            return SlaState.Paused;
        }

        return ticket.SlaWarnedAt is null ? SlaState.OnTrack : SlaState.AtRisk;
    }
}
