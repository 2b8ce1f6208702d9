using HelpdeskLite.Incidents;
using HelpdeskLite.Reports;

namespace HelpdeskLite.Tests.Reports;

public sealed class IncidentReportTests
{
    [Fact]
    public void Counts_and_mean_times_match_hand_figures()
    {
        var reported = new DateTime(2026, 3, 30, 8, 0, 0, DateTimeKind.Utc);
        IncidentFacts[] incidents =
        [
            new(1, IncidentCategory.Phishing, Severity.High, IncidentStatus.Recovered,
                new KeyTimes(null, reported.AddHours(-2), reported, reported.AddHours(1), reported.AddHours(4),
                    reported.AddHours(10), null)),
            new(2, IncidentCategory.Phishing, Severity.Low, IncidentStatus.Contained,
                new KeyTimes(null, null, reported.AddDays(3), reported.AddDays(3).AddHours(3),
                    reported.AddDays(3).AddHours(8), null, null)),
            new(3, null, null, IncidentStatus.New, new KeyTimes(null, null, reported.AddDays(1), null, null, null, null)),
        ];

        var result = IncidentReport.Compute(incidents, TimeZoneInfo.Utc, overdueCorrective: 2);

        Assert.Equal(3, result.Total);
        Assert.Equal(2, result.ByCategory.Single(r => r.Label == "Phishing").Count);
        Assert.Equal(1, result.ByCategory.Single(r => r.Label == IncidentReport.NotSet).Count);
        Assert.Equal([1, 0, 1, 0, 1], result.BySeverity.Select(r => r.Count));
        Assert.Equal([("2026-03", 2), ("2026-04", 1)], result.ByMonth.Select(r => (r.Label, r.Count)));
        Assert.Equal(TimeSpan.FromHours(2), result.MeanTimeToTriage);
        Assert.Equal(TimeSpan.FromHours(7), result.MeanTimeToContain);
        Assert.Equal(TimeSpan.FromHours(12), result.MeanTimeToRecover);
        Assert.Equal([1, 0, 0, 1, 1], result.OpenByPhase.Select(r => r.Count));
        Assert.Equal(2, result.CorrectiveActionsOverdue);
    }
}
