using System.Globalization;
using HelpdeskLite.Hosting;

namespace HelpdeskLite.Incidents;

/// <summary>
/// Converts times typed into a datetime-local field in the viewer's zone to UTC and back.
/// </summary>
public static class LocalTimeInput
{
    public const string Format = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The earliest year accepted. Earlier times are typing mistakes and would swamp every mean duration.</summary>
    public const int EarliestYear = 1970;

    /// <summary>Formats a UTC time for a datetime-local field in the viewer's zone.</summary>
    public static string ToInput(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } value ? value.ToLocal(zone).ToString(Format, CultureInfo.InvariantCulture) : "";

    /// <summary>
    /// Parses a local time to UTC. When the text is what <paramref name="original"/> looks like in
    /// this zone, the original is kept exactly, so re-saving a form never shifts a time (not by
    /// its dropped seconds, nor by an hour for a time that occurs twice when clocks go back).
    /// A time that does not exist because clocks went forward is rejected.
    /// </summary>
    public static (DateTime? Utc, string? Error) Parse(string? text, TimeZoneInfo zone, DateTime? original = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, null);
        }

        text = text.Trim();
        if (original is { } kept && ToInput(kept, zone) == text)
        {
            return (kept, null);
        }

        string[] formats = [Format, "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (!DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return (null, $"\"{text}\" is not a date and time such as 2026-03-29T14:30.");
        }

        if (local.Year < EarliestYear)
        {
            return (null, $"{text} is before {EarliestYear}. Enter the time the event really happened.");
        }

        if (zone.IsInvalidTime(local))
        {
            return (null, $"{text} does not exist in {zone.Id} because the clocks were put forward. Enter a time outside that gap.");
        }

        if (zone.IsAmbiguousTime(local))
        {
            // Clocks went back, so the local time happened twice; the first occurrence is taken,
            // which is the one with the larger UTC offset.
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return (DateTime.SpecifyKind(local - offset, DateTimeKind.Utc), null);
        }

        return (TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone), null);
    }
}
