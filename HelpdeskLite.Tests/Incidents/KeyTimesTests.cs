using HelpdeskLite.Incidents;

namespace HelpdeskLite.Tests.Incidents;

public sealed class KeyTimesTests
{
    private static readonly DateTime Now = new(2026, 12, 5, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Consistent_times_pass()
    {
        var incident = new Incident
        {
            OccurredAt = Now.AddHours(-9), DetectedAt = Now.AddHours(-8), ReportedAt = Now.AddHours(-7),
            ContainedAt = Now.AddHours(-6), RecoveredAt = Now.AddHours(-1),
        };

        Assert.Null(KeyTimes.Contradiction(incident, Now, Berlin));
    }

    [Fact]
    public void Future_occurrence_is_refused()
    {
        var incident = new Incident { OccurredAt = Now.AddYears(70), ReportedAt = Now };

        Assert.Contains("future", KeyTimes.Contradiction(incident, Now, Berlin));
    }

    [Fact]
    public void Detection_before_occurrence_is_refused()
    {
        var incident = new Incident { OccurredAt = Now.AddHours(-2), DetectedAt = Now.AddDays(-30), ReportedAt = Now };

        Assert.Contains("before the occurred time", KeyTimes.Contradiction(incident, Now, Berlin));
    }

    [Fact]
    public void Recovery_before_containment_is_refused()
    {
        var incident = new Incident
        {
            ReportedAt = Now.AddDays(-40), ContainedAt = Now.AddDays(-1), RecoveredAt = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
        };

        Assert.Equal(
            "Recovery at 2026-11-01 09:00 is before containment took effect at 2026-12-04 13:00.",
            KeyTimes.Contradiction(incident, Now, Berlin));
    }

    [Fact]
    public void Containment_before_detection_has_no_duration()
    {
        var incident = new Incident { ReportedAt = Now, ContainedAt = Now.AddHours(-16), RecoveredAt = Now.AddHours(2) };

        var times = KeyTimes.From(incident);

        Assert.Null(times.TimeToContain);
        Assert.Equal(TimeSpan.FromHours(2), times.TimeToRecover);
    }

    [Fact]
    public void Noticed_before_occurrence_needs_a_detected_time()
    {
        var incident = new Incident { OccurredAt = Now.AddHours(-2), NoticedAt = Now.AddDays(-3), ReportedAt = Now };

        Assert.Contains("Enter the detected time", KeyTimes.Contradiction(incident, Now, Berlin));
        incident.DetectedAt = Now.AddHours(-1);
        Assert.Null(KeyTimes.Contradiction(incident, Now, Berlin));
    }
}
