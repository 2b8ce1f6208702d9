namespace HelpdeskLite.Pages.Tickets;

/// <summary>Turns a calendar day in someone's time zone into the UTC instant it starts.</summary>
public static class LocalDays
{
    /// <summary>
    /// Returns the first instant of the day. Where midnight falls in a daylight-saving gap the
    /// day starts at the end of the gap.
    /// </summary>
    public static DateTime StartUtc(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var guard = 0;
        while (zone.IsInvalidTime(local) && guard++ < 24 * 60)
        {
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            return DateTime.SpecifyKind(local - zone.GetAmbiguousTimeOffsets(local).Max(), DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
