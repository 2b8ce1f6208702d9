using LinqToDB.Mapping;

namespace HelpdeskLite.Tickets.Sla;

/// <summary>The first-response and resolution targets of one priority, and the calendar they run on.</summary>
[Table("sla_policies")]
public sealed class SlaPolicy
{
    [Column("priority"), PrimaryKey]
    public Priority Priority { get; set; }

    [Column("first_response_target")]
    public int FirstResponseTarget { get; set; }

    [Column("first_response_unit")]
    public SlaUnit FirstResponseUnit { get; set; }

    [Column("resolution_target")]
    public int ResolutionTarget { get; set; }

    [Column("resolution_unit")]
    public SlaUnit ResolutionUnit { get; set; }

    [Column("calendar_id")]
    public long CalendarId { get; set; }
}

[Table("business_calendars")]
public sealed class BusinessCalendarRow
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("name"), NotNull]
    public string Name { get; set; } = "";

    [Column("time_zone"), NotNull]
    public string TimeZone { get; set; } = "UTC";

    [Column("around_the_clock")]
    public bool AroundTheClock { get; set; }

    /// <summary>Working hours per weekday, such as "Mon 09:00-17:00; Tue 09:00-17:00".</summary>
    [Column("weekly_hours"), NotNull]
    public string WeeklyHours { get; set; } = "";

    /// <summary>Length of one business day in minutes, for targets given in days.</summary>
    [Column("business_day_minutes")]
    public int BusinessDayMinutes { get; set; }

    [Column("row_version")]
    public int RowVersion { get; set; }
}

[Table("calendar_holidays")]
public sealed class CalendarHoliday
{
    [Column("id"), PrimaryKey, Identity]
    public long Id { get; set; }

    [Column("calendar_id")]
    public long CalendarId { get; set; }

    /// <summary>The local date, as yyyy-MM-dd.</summary>
    [Column("holiday_date"), NotNull]
    public string Date { get; set; } = "";

    [Column("name"), NotNull]
    public string Name { get; set; } = "";
}
