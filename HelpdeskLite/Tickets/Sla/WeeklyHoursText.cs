using System.Globalization;

namespace HelpdeskLite.Tickets.Sla;

/// <summary>Reads and writes weekly working hours as text, such as "Mon 09:00-17:00; Tue 09:00-17:00".</summary>
public static class WeeklyHoursText
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public static string Format(IReadOnlyDictionary<DayOfWeek, WorkingHours> week) =>
        string.Join("; ", week.OrderBy(p => ((int)p.Key + 6) % 7).Select(p =>
            $"{DayNames[(int)p.Key]} {p.Value.Start:HH\\:mm}-{p.Value.End:HH\\:mm}"));

    /// <summary>Parses the text; returns null and an error naming the bad part when it is invalid.</summary>
    public static (Dictionary<DayOfWeek, WorkingHours>? Week, string? Error) Parse(string? text)
    {
        var week = new Dictionary<DayOfWeek, WorkingHours>();
        foreach (var part in (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(' ', 2, StringSplitOptions.TrimEntries);
            var day = Array.FindIndex(DayNames, d => pieces.Length == 2 && d.Equals(pieces[0], StringComparison.OrdinalIgnoreCase));
            var range = pieces.Length == 2 ? pieces[1].Split('-', StringSplitOptions.TrimEntries) : [];
            if (day < 0 || range.Length != 2
                || !TimeOnly.TryParseExact(range[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
                || !TimeOnly.TryParseExact(range[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end))
            {
                return (null, $"\"{part}\" is not a weekday with hours. Write it like \"Mon 09:00-17:00\".");
            }

            if (end <= start)
            {
                return (null, $"\"{part}\" ends before it starts. Working hours must lie within one day.");
            }

            if (!week.TryAdd((DayOfWeek)day, new WorkingHours(start, end)))
            {
                return (null, $"{DayNames[day]} appears twice. Give each weekday once.");
            }
        }

        return (week, null);
    }
}
