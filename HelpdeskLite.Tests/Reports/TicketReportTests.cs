using HelpdeskLite.Reports;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Tests.Reports;

public sealed class TicketReportTests
{
    private const long AgentA = 10;
    private const long AgentB = 11;
    private static readonly DateTime Now = Utc(2026, 4, 10, 12);

    /// <summary>
    /// Five tickets whose figures were worked out by hand: resolve times 2 h, 4 h and 48 h;
    /// one first-response breach (ticket 2), one resolution breach (ticket 3), one reopen.
    /// </summary>
    private static readonly TicketFacts[] Tickets =
    [
        new(1, RequestType.Hardware, Priority.High, TicketStatus.Closed, AgentA, Utc(2026, 3, 2, 9),
            Utc(2026, 3, 2, 9, 30), null, Utc(2026, 3, 2, 13), null, false),
        new(2, RequestType.Hardware, Priority.Low, TicketStatus.Resolved, AgentA, Utc(2026, 3, 10, 10),
            Utc(2026, 3, 11, 10), Utc(2026, 3, 10, 18), Utc(2026, 3, 12, 10), null, true),
        new(3, RequestType.General, Priority.Low, TicketStatus.InProgress, AgentB, Utc(2026, 3, 31, 23),
            Utc(2026, 4, 1, 8), null, null, Utc(2026, 4, 5, 0), false),
        new(4, RequestType.AccountPassword, Priority.Medium, TicketStatus.New, null, Utc(2026, 4, 9, 20),
            null, null, null, null, false),
        new(5, RequestType.SoftwareInstallation, Priority.Critical, TicketStatus.Closed, AgentB, Utc(2026, 3, 20, 0),
            Utc(2026, 3, 20, 0, 10), null, Utc(2026, 3, 20, 2), null, false),
    ];

    [Fact]
    public void Volumes_match_hand_counts()
    {
        var result = Compute(TimeZoneInfo.Utc);

        Assert.Equal(5, result.Total);
        Assert.Equal([1, 1, 2, 0, 0, 1], result.ByType.Select(r => r.Count));
        Assert.Equal([2, 1, 1, 1], result.ByPriority.Select(r => r.Count));
        Assert.Equal([("2026-03", 4), ("2026-04", 1)], result.ByMonth.Select(r => (r.Label, r.Count)));
    }

    [Fact]
    public void Months_follow_the_viewers_zone()
    {
        var result = Compute(TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));

        Assert.Equal([("2026-03", 3), ("2026-04", 2)], result.ByMonth.Select(r => (r.Label, r.Count)));
    }

    [Fact]
    public void Sla_compliance_matches_hand_counts()
    {
        var result = Compute(TimeZoneInfo.Utc);

        var low = result.SlaByPriority.Single(r => r.Label == "Low");
        Assert.Equal((2, 1, 2, 1), (low.ResponseDecided, low.ResponseMet, low.ResolutionDecided, low.ResolutionMet));
        Assert.Equal(0.5, low.ResponsePercent);
        Assert.Null(result.SlaByPriority.Single(r => r.Label == "Medium").ResponsePercent);
        Assert.Equal(1.0, result.SlaByPriority.Single(r => r.Label == "High").ResolutionPercent);
        var agentA = result.SlaByAgent.Single(r => r.Label == "Agent A");
        Assert.Equal((2, 1, 2, 2), (agentA.ResponseDecided, agentA.ResponseMet, agentA.ResolutionDecided, agentA.ResolutionMet));
        var agentB = result.SlaByAgent.Single(r => r.Label == "Agent B");
        Assert.Equal((2, 2, 2, 1), (agentB.ResponseDecided, agentB.ResponseMet, agentB.ResolutionDecided, agentB.ResolutionMet));
        var march = result.SlaByMonth.Single(r => r.Label == "2026-03");
        Assert.Equal((4, 3, 4, 3), (march.ResponseDecided, march.ResponseMet, march.ResolutionDecided, march.ResolutionMet));
        var hardware = result.SlaByType.Single(r => r.Label == "Hardware");
        Assert.Equal(0.5, hardware.ResponsePercent);
    }

    [Fact]
    public void Resolve_times_backlog_and_reopen_rate_match_hand_figures()
    {
        var result = Compute(TimeZoneInfo.Utc);

        Assert.Equal(3, result.Resolved);
        Assert.Equal(TimeSpan.FromHours(18), result.MeanTimeToResolve);
        Assert.Equal(TimeSpan.FromHours(4), result.MedianTimeToResolve);
        Assert.Equal(1, result.Reopened);
        Assert.Equal(1.0 / 3, result.ReopenRate!.Value, 9);
        Assert.Equal([1, 0, 1, 0], result.BacklogByAge.Select(r => r.Count));
    }

    [Fact]
    public void Empty_range_gives_no_rates()
    {
        var result = TicketReport.Compute([], TimeZoneInfo.Utc, Now, id => "x");

        Assert.Equal(0, result.Total);
        Assert.Null(result.MeanTimeToResolve);
        Assert.Null(result.MedianTimeToResolve);
        Assert.Null(result.ReopenRate);
        Assert.Empty(result.ByMonth);
    }

    private static TicketReportResult Compute(TimeZoneInfo zone) =>
        TicketReport.Compute(Tickets, zone, Now, id => id == AgentA ? "Agent A" : "Agent B");

    private static DateTime Utc(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
