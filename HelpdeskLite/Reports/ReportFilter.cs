using System.Globalization;
using HelpdeskLite.Tickets;
using HelpdeskLite.Web;

namespace HelpdeskLite.Reports;

/// <summary>
/// A report's date range and filters. Dates are whole days in the viewer's time zone, both ends
/// included; tickets count by when they were filed, incidents by when they were reported.
/// </summary>
public sealed record ReportFilter(
    DateOnly From,
    DateOnly To,
    RequestType? Type = null,
    Priority? Priority = null,
    long? AssigneeId = null)
{
    public const int MaxDays = 3_700;

    /// <summary>Returns the UTC range [start, end) that the dates cover in the zone.</summary>
    public (DateTime Start, DateTime End) UtcRange(TimeZoneInfo zone) =>
        (StartOfDay(From, zone), StartOfDay(To.AddDays(1), zone));

    /// <summary>Returns an error message when the range is not usable, or null.</summary>
    public string? Validate() =>
        !FilterDates.AllAccepted(From, To) ? FilterDates.Message
        : To < From ? "The end date is before the start date. Choose an end date on or after the start."
        : To.DayNumber - From.DayNumber > MaxDays ? $"The range is longer than {MaxDays} days. Choose a shorter range."
        : null;

    /// <summary>Names each filter in use, for the summary sheet and the export's audit entry.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Describe(Func<long, string>? userName = null)
    {
        var items = new List<KeyValuePair<string, string>>
        {
            new("From", From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("To", To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        if (Type is { } type)
        {
            items.Add(new("Request type", type.Display()));
        }

        if (Priority is { } priority)
        {
            items.Add(new("Priority", priority.ToString()));
        }

        if (AssigneeId is { } assignee)
        {
            items.Add(new("Assignee", userName?.Invoke(assignee) ?? assignee.ToString(CultureInfo.InvariantCulture)));
        }

        return items;
    }

    public string ToQuery() => string.Join('&', new[]
    {
        $"from={From:yyyy-MM-dd}",
        $"to={To:yyyy-MM-dd}",
        Type is { } t ? $"type={t}" : null,
        Priority is { } p ? $"priority={p}" : null,
        AssigneeId is { } a ? $"assignee={a.ToString(CultureInfo.InvariantCulture)}" : null,
    }.Where(part => part is not null));

    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a daylight-saving change skips midnight, the day starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return DateTime.SpecifyKind(TimeZoneInfo.ConvertTimeToUtc(local, zone), DateTimeKind.Utc);
    }
}
