namespace HelpdeskLite.Tickets.Sla;

/// <summary>A stretch in which the SLA clock stands still; End is null while it lasts.</summary>
public sealed record PauseSpan(DateTime Start, DateTime? End);

/// <summary>The due and 75 % warning instants of one target; both null while the clock is paused.</summary>
public sealed record SlaTarget(TimeSpan BusinessTime, DateTime? Due, DateTime? WarnAt);

/// <summary>
/// Counts business time: adds a target to a start, and measures what has elapsed, skipping time
/// outside the calendar's working hours and time inside pauses. Pure: every instant is UTC and
/// comes in as an argument.
/// </summary>
public static class SlaCalculator
{
    public const double WarningShare = 0.75;

    /// <summary>Computes the due and warning instants of a target counted from a ticket's start.</summary>
    public static SlaTarget Target(
        BusinessCalendar calendar, DateTime startUtc, TimeSpan businessTime, IReadOnlyList<PauseSpan> pauses) =>
        new(
            businessTime,
            AddBusinessTime(calendar, startUtc, businessTime, pauses),
            AddBusinessTime(calendar, startUtc, businessTime * WarningShare, pauses));

    /// <summary>
    /// Returns the instant at which <paramref name="amount"/> of business time has run from
    /// <paramref name="startUtc"/>, or null when an open pause stops the clock before then.
    /// </summary>
    public static DateTime? AddBusinessTime(
        BusinessCalendar calendar, DateTime startUtc, TimeSpan amount, IReadOnlyList<PauseSpan> pauses)
    {
        var left = amount;
        foreach (var (start, end) in RunningIntervals(calendar, startUtc, pauses))
        {
            if (start == DateTime.MaxValue)
            {
                return null;
            }

            var length = end - start;
            if (length >= left)
            {
                return Utc(start + left);
            }

            left -= length;
        }

        return null;
    }

    /// <summary>Measures the business time that ran between two instants, leaving out pauses.</summary>
    public static TimeSpan BusinessTimeBetween(
        BusinessCalendar calendar, DateTime fromUtc, DateTime toUtc, IReadOnlyList<PauseSpan> pauses)
    {
        var total = TimeSpan.Zero;
        if (toUtc <= fromUtc)
        {
            return total;
        }

        foreach (var (start, end) in RunningIntervals(calendar, fromUtc, pauses))
        {
            if (start >= toUtc)
            {
                break;
            }

            total += (end < toUtc ? end : toUtc) - start;
        }

        return total;
    }

    /// <summary>
    /// Yields working intervals minus pauses. An open pause ends the sequence with a marker
    /// interval starting at DateTime.MaxValue, because the clock stops there for good.
    /// </summary>
    private static IEnumerable<(DateTime Start, DateTime End)> RunningIntervals(
        BusinessCalendar calendar, DateTime fromUtc, IReadOnlyList<PauseSpan> pauses)
    {
        var ordered = pauses.OrderBy(p => p.Start).ToList();
        foreach (var (workStart, workEnd) in calendar.WorkingIntervals(fromUtc))
        {
            var cursor = workStart;
            foreach (var pause in ordered)
            {
                var pauseEnd = pause.End ?? DateTime.MaxValue;
                if (pauseEnd <= cursor || pause.Start >= workEnd)
                {
                    continue;
                }

                if (pause.Start > cursor)
                {
                    yield return (cursor, pause.Start);
                }

                if (pause.End is null)
                {
                    yield return (DateTime.MaxValue, DateTime.MaxValue);
                    yield break;
                }

                cursor = pauseEnd > cursor ? pauseEnd : cursor;
                if (cursor >= workEnd)
                {
                    break;
                }
            }

            if (cursor < workEnd)
            {
                yield return (cursor, workEnd);
            }
        }
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
