using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Tests.Incidents;

public sealed class LocalTimeInputTests
{
    private static readonly TimeZoneInfo Berlin = TimeZones.Find("Europe/Berlin");

    [Fact]
    public void Time_in_spring_gap_is_rejected()
    {
        var (utc, error) = LocalTimeInput.Parse("2026-03-29T02:30", Berlin);

        Assert.Null(utc);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void Repeated_autumn_hour_takes_first_occurrence()
    {
        var (utc, error) = LocalTimeInput.Parse("2026-10-25T02:30", Berlin);

        Assert.Null(error);
        Assert.Equal(new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc), utc);
    }

    [Fact]
    public void Resaving_second_occurrence_keeps_original_instant()
    {
        var second = new DateTime(2026, 10, 25, 1, 30, 15, 123, DateTimeKind.Utc);
        var shown = LocalTimeInput.ToInput(second, Berlin);

        var (utc, error) = LocalTimeInput.Parse(shown, Berlin, second);

        Assert.Null(error);
        Assert.Equal("2026-10-25T02:30", shown);
        Assert.Equal(second, utc);
    }

    [Fact]
    public void Unparseable_text_is_rejected_with_example()
    {
        var (utc, error) = LocalTimeInput.Parse("yesterday", Berlin);

        Assert.Null(utc);
        Assert.Contains("2026-03-29T14:30", error);
    }

    [Fact]
    public void Times_before_1970_are_rejected()
    {
        var (utc, error) = LocalTimeInput.Parse("0001-01-01T00:00", TimeZoneInfo.Utc);

        Assert.Null(utc);
        Assert.Contains("before 1970", error);
    }
}
