using HelpdeskLite.Tickets.Sla;

namespace HelpdeskLite.Tests.Tickets.Sla;

public sealed class SlaCalculatorTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
    private static readonly TimeSpan FourHours = TimeSpan.FromHours(4);

    [Fact]
    public void Ticket_filed_friday_evening_starts_counting_monday()
    {
        var calendar = Office(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 1, 9, 17, 30), FourHours, []);

        Assert.Equal(Utc(2026, 1, 12, 12, 0), due);
    }

    [Fact]
    public void Holiday_is_skipped()
    {
        var calendar = Office(Berlin, new DateOnly(2026, 12, 25));

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 12, 24, 15, 0), FourHours, []);

        Assert.Equal(Utc(2026, 12, 28, 11, 0), due);
    }

    [Fact]
    public void Ticket_filed_on_a_holiday_starts_next_working_day()
    {
        var calendar = Office(Berlin, new DateOnly(2026, 12, 25));

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 12, 25, 10, 0), TimeSpan.FromHours(2), []);

        Assert.Equal(Utc(2026, 12, 28, 10, 0), due);
    }

    [Fact]
    public void Ticket_filed_before_opening_starts_at_opening()
    {
        var calendar = Office(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 2, 3, 5, 0), TimeSpan.FromHours(2), []);

        Assert.Equal(Utc(2026, 2, 3, 10, 0), due);
    }

    [Fact]
    public void Pause_across_weekend_moves_due_by_paused_business_time()
    {
        var calendar = Office(Berlin);
        var pauses = new[] { new PauseSpan(Utc(2026, 2, 6, 15, 0), Utc(2026, 2, 9, 9, 0)) };

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 2, 6, 14, 0), FourHours, pauses);

        Assert.Equal(Utc(2026, 2, 9, 12, 0), due);
    }

    [Fact]
    public void Paused_time_is_not_counted()
    {
        var calendar = Office(Berlin);
        var pauses = new[] { new PauseSpan(Utc(2026, 2, 6, 15, 0), Utc(2026, 2, 9, 9, 0)) };

        var counted = SlaCalculator.BusinessTimeBetween(calendar, Utc(2026, 2, 6, 14, 0), Utc(2026, 2, 9, 12, 0), pauses);

        Assert.Equal(FourHours, counted);
    }

    [Fact]
    public void Open_pause_leaves_due_unknown()
    {
        var calendar = Office(Berlin);
        var pauses = new[] { new PauseSpan(Utc(2026, 2, 6, 15, 0), null) };

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 2, 6, 14, 0), FourHours, pauses);

        Assert.Null(due);
    }

    [Fact]
    public void Target_reached_before_open_pause_keeps_its_due()
    {
        var calendar = Office(Berlin);
        var pauses = new[] { new PauseSpan(Utc(2026, 2, 9, 15, 0), null) };

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 2, 9, 8, 0), TimeSpan.FromHours(2), pauses);

        Assert.Equal(Utc(2026, 2, 9, 10, 0), due);
    }

    [Fact]
    public void Berlin_spring_change_moves_monday_opening_to_summer_time()
    {
        var calendar = Office(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 3, 27, 15, 0), FourHours, []);

        Assert.Equal(Utc(2026, 3, 30, 10, 0), due);
    }

    [Fact]
    public void Berlin_autumn_change_moves_monday_opening_to_winter_time()
    {
        var calendar = Office(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 10, 23, 14, 0), FourHours, []);

        Assert.Equal(Utc(2026, 10, 26, 11, 0), due);
    }

    [Fact]
    public void New_York_spring_change_moves_monday_opening_to_summer_time()
    {
        var calendar = Office(NewYork);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 3, 6, 21, 0), FourHours, []);

        Assert.Equal(Utc(2026, 3, 9, 16, 0), due);
    }

    [Fact]
    public void New_York_autumn_change_moves_monday_opening_to_winter_time()
    {
        var calendar = Office(NewYork);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 10, 30, 20, 0), FourHours, []);

        Assert.Equal(Utc(2026, 11, 2, 17, 0), due);
    }

    [Fact]
    public void Around_the_clock_target_spans_spring_gap_in_elapsed_hours()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 3, 28, 22, 30), FourHours, [])!.Value;

        Assert.Equal(Utc(2026, 3, 29, 2, 30), due);
        Assert.Equal(new DateTime(2026, 3, 29, 4, 30, 0), TimeZoneInfo.ConvertTimeFromUtc(due, Berlin));
    }

    [Fact]
    public void Around_the_clock_target_spans_autumn_repeat_in_elapsed_hours()
    {
        var calendar = BusinessCalendar.TwentyFourSeven(Berlin);

        var due = SlaCalculator.AddBusinessTime(calendar, Utc(2026, 10, 24, 22, 30), FourHours, [])!.Value;

        Assert.Equal(Utc(2026, 10, 25, 2, 30), due);
        Assert.Equal(new DateTime(2026, 10, 25, 3, 30, 0), TimeZoneInfo.ConvertTimeFromUtc(due, Berlin));
    }

    [Fact]
    public void Opening_time_inside_spring_gap_moves_to_end_of_gap()
    {
        var calendar = NightShift(Berlin);

        var opening = calendar.LocalToUtc(new DateTime(2026, 3, 29, 2, 30, 0));

        Assert.Equal(Utc(2026, 3, 29, 1, 0), opening);
    }

    [Fact]
    public void Shift_starting_in_spring_gap_counts_only_existing_time()
    {
        var calendar = NightShift(Berlin);

        var counted = SlaCalculator.BusinessTimeBetween(calendar, Utc(2026, 3, 28, 23, 0), Utc(2026, 3, 29, 12, 0), []);

        Assert.Equal(TimeSpan.FromHours(3), counted);
    }

    [Fact]
    public void Time_repeated_in_autumn_takes_first_occurrence()
    {
        var calendar = NightShift(Berlin);

        var opening = calendar.LocalToUtc(new DateTime(2026, 10, 25, 2, 30, 0));

        Assert.Equal(Utc(2026, 10, 25, 0, 30), opening);
    }

    [Fact]
    public void Warning_falls_at_three_quarters_of_target()
    {
        var calendar = Office(TimeZoneInfo.Utc);

        var target = SlaCalculator.Target(calendar, Utc(2026, 2, 2, 9, 0), TimeSpan.FromHours(8), []);

        Assert.Equal(Utc(2026, 2, 2, 17, 0), target.Due);
        Assert.Equal(Utc(2026, 2, 2, 15, 0), target.WarnAt);
    }

    [Fact]
    public void Business_days_convert_by_business_day_length()
    {
        var calendar = Office(TimeZoneInfo.Utc);

        var time = calendar.ToBusinessTime(3, SlaUnit.Days);

        Assert.Equal(TimeSpan.FromHours(24), time);
    }

    [Fact]
    public void Calendar_without_working_days_is_invalid()
    {
        var calendar = Office(TimeZoneInfo.Utc) with { Week = new Dictionary<DayOfWeek, WorkingHours>() };

        var error = calendar.Validate();

        Assert.NotNull(error);
    }

    private static BusinessCalendar Office(TimeZoneInfo zone, params DateOnly[] holidays) =>
        BusinessCalendar.Weekdays("Office", zone, new TimeOnly(9, 0), new TimeOnly(17, 0), holidays);

    private static BusinessCalendar NightShift(TimeZoneInfo zone) =>
        new("Night shift", zone, false,
            new Dictionary<DayOfWeek, WorkingHours> { [DayOfWeek.Sunday] = new(new TimeOnly(2, 30), new TimeOnly(6, 0)) },
            new HashSet<DateOnly>(), 3.5);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
