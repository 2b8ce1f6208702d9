namespace HelpdeskLite.Tickets.Sla;

/// <summary>Opening hours of one weekday, in the calendar's local time; End after Start.</summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End);

/// <summary>
/// When business time runs: working hours per weekday and holidays, read in one time zone,
/// or around the clock.
/// </summary>
public sealed record BusinessCalendar(
    string Name,
    TimeZoneInfo Zone,
    bool AroundTheClock,
    IReadOnlyDictionary<DayOfWeek, WorkingHours> Week,
    IReadOnlySet<DateOnly> Holidays,
    double HoursPerBusinessDay)
{
    public static BusinessCalendar TwentyFourSeven(TimeZoneInfo zone) =>
        new("24x7", zone, true, new Dictionary<DayOfWeek, WorkingHours>(), new HashSet<DateOnly>(), 24);

    /// <summary>Builds a Monday-to-Friday calendar with the same hours every day.</summary>
    public static BusinessCalendar Weekdays(
        string name, TimeZoneInfo zone, TimeOnly start, TimeOnly end, IEnumerable<DateOnly>? holidays = null)
    {
        var week = new Dictionary<DayOfWeek, WorkingHours>();
        for (var day = DayOfWeek.Monday; day <= DayOfWeek.Friday; day++)
        {
            week[day] = new WorkingHours(start, end);
        }

        return new BusinessCalendar(name, zone, false, week, (holidays ?? []).ToHashSet(), (end - start).TotalHours);
    }

    /// <summary>Returns a message naming what is wrong with the calendar, or null when it is usable.</summary>
    public string? Validate()
    {
        if (AroundTheClock)
        {
            return null;
        }

        if (Week.Count == 0)
        {
            return "A business calendar needs working hours on at least one weekday.";
        }

        if (Week.Values.Any(h => h.End <= h.Start))
        {
            return "Each weekday's working hours must end after they start.";
        }

        return HoursPerBusinessDay is > 0 and <= 24
            ? null
            : "Hours per business day must be more than 0 and at most 24.";
    }

    /// <summary>Converts a target given in hours or business days into business time.</summary>
    public TimeSpan ToBusinessTime(int amount, SlaUnit unit) => unit == SlaUnit.Days
        ? TimeSpan.FromHours(amount * (AroundTheClock ? 24 : HoursPerBusinessDay))
        : TimeSpan.FromHours(amount);

    /// <summary>
    /// Yields the working intervals in UTC that end after <paramref name="fromUtc"/>, in order,
    /// the first one clipped to start there.
    /// </summary>
    public IEnumerable<(DateTime Start, DateTime End)> WorkingIntervals(DateTime fromUtc)
    {
        if (AroundTheClock)
        {
            yield return (fromUtc, DateTime.MaxValue);
            yield break;
        }

        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, Zone)).AddDays(-1);
        var last = day.AddYears(30);
        for (; day < last; day = day.AddDays(1))
        {
            if (Holidays.Contains(day) || !Week.TryGetValue(day.DayOfWeek, out var hours))
            {
                continue;
            }

            var start = LocalToUtc(day.ToDateTime(hours.Start));
            var end = LocalToUtc(day.ToDateTime(hours.End));
            if (end <= fromUtc || end <= start)
            {
                continue;
            }

            yield return (start < fromUtc ? fromUtc : start, end);
        }

        throw new InvalidOperationException($"The calendar \"{Name}\" has no working time in the next 30 years.");
    }

    /// <summary>
    /// Converts a wall-clock time of this calendar to UTC. A time inside the spring gap does not
    /// exist, so it moves to the first minute after the gap; an autumn time that occurs twice
    /// takes its first occurrence.
    /// </summary>
    public DateTime LocalToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var guard = 0;
        while (Zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            var offset = Zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }
}

public enum SlaUnit
{
    Hours = 0,
    Days = 1,
}
