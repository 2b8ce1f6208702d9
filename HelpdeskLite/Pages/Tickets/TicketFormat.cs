using System.Globalization;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>Shows ticket times and SLA figures the same way on every ticket page.</summary>
public static class TicketFormat
{
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        utc.ToLocal(zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Duration(TimeSpan span)
    {
        span = span.Duration();
        if (span.TotalDays >= 1)
        {
            return $"{(int)span.TotalDays}d {span.Hours}h";
        }

        return span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes}m" : $"{Math.Max(span.Minutes, 0)}m";
    }

    /// <summary>Describes the time left to a due instant, or the time since it passed.</summary>
    public static string TimeLeft(DateTime? due, DateTime now, SlaState state, TicketStatus status)
    {
        if (status is TicketStatus.Resolved or TicketStatus.Closed)
        {
            return state == SlaState.Breached ? "missed" : "met";
        }

        if (due is null)
        {
            return "paused";
        }

        return due.Value >= now ? $"{Duration(due.Value - now)} left" : $"overdue by {Duration(now - due.Value)}";
    }

    public static string SlaBadge(SlaState state) => state switch
    {
        SlaState.Breached => "bad",
        SlaState.AtRisk => "warn",
        SlaState.Met => "ok",
        _ => "info",
    };

    public static string Bytes(long size) => size switch
    {
        >= 1024 * 1024 => $"{size / (1024 * 1024.0):0.0} MB",
        >= 1024 => $"{size / 1024.0:0.0} KB",
        _ => $"{size} bytes",
    };
}
