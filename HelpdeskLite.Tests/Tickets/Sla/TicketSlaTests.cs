using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;

namespace HelpdeskLite.Tests.Tickets.Sla;

public sealed class TicketSlaTests
{
    private static readonly DateTime MondayNine = new(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Priority_change_recomputes_from_start_keeping_pauses()
    {
        var ticket = new Ticket { CreatedAt = MondayNine, Priority = Priority.Low, Status = TicketStatus.InProgress };
        var pauses = new List<SlaPause> { new() { StartedAt = MondayNine.AddHours(1), EndedAt = MondayNine.AddHours(3) } };
        TicketSla.Recompute(ticket, pauses, Config());

        ticket.Priority = Priority.High;
        TicketSla.Recompute(ticket, pauses, Config());

        Assert.Equal(MondayNine.AddHours(6), ticket.ResolutionDue);
        Assert.Equal(MondayNine.AddHours(1), ticket.FirstResponseDue);
    }

    [Fact]
    public void Open_pause_marks_ticket_paused()
    {
        var ticket = new Ticket { CreatedAt = MondayNine, Priority = Priority.Low, Status = TicketStatus.WaitingForUser };
        var pauses = new List<SlaPause> { new() { StartedAt = MondayNine.AddHours(1) } };

        TicketSla.Recompute(ticket, pauses, Config());

        Assert.Equal(SlaState.Paused, ticket.SlaState);
        Assert.Null(ticket.ResolutionDue);
    }

    [Fact]
    public void Recorded_breach_survives_recompute()
    {
        var ticket = new Ticket
        {
            CreatedAt = MondayNine,
            Priority = Priority.Low,
            Status = TicketStatus.InProgress,
            ResolutionBreachedAt = MondayNine.AddDays(3),
        };

        TicketSla.Recompute(ticket, [], Config());

        Assert.Equal(SlaState.Breached, ticket.SlaState);
    }

    private static SlaConfiguration Config()
    {
        var office = BusinessCalendar.Weekdays("Office", TimeZoneInfo.Utc, new TimeOnly(9, 0), new TimeOnly(17, 0));
        var policies = new Dictionary<Priority, SlaPolicy>
        {
            [Priority.Low] = new() { Priority = Priority.Low, FirstResponseTarget = 8, ResolutionTarget = 5, ResolutionUnit = SlaUnit.Days, CalendarId = 1 },
            [Priority.High] = new() { Priority = Priority.High, FirstResponseTarget = 1, ResolutionTarget = 4, CalendarId = 1 },
        };
        return new SlaConfiguration(policies, new Dictionary<long, BusinessCalendar> { [1] = office });
    }
}
