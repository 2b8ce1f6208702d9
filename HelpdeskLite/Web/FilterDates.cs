namespace HelpdeskLite.Web;

/// <summary>
/// The calendar days that list and report filters accept. A day near the end of the calendar
/// would overflow when the end of that day is computed, so anything outside this range is rejected.
/// </summary>
public static class FilterDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public const string Message = "Dates must lie between 1900-01-01 and 2999-12-31.";

    /// <summary>Returns true when every given day is absent or within the range.</summary>
    public static bool AllAccepted(params DateOnly?[] days) =>
        days.All(day => day is null || (day >= Earliest && day <= Latest));
}
