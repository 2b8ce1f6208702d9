using HelpdeskLite.Data;
using HelpdeskLite.Pages.Reports;
using HelpdeskLite.Reports;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Notifications;

namespace HelpdeskLite.Tests.Reports;

public sealed class ReportFilterTests
{
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Fact]
    public void Month_ending_range_stops_at_local_midnight()
    {
        var filter = new ReportFilter(new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31));

        var (start, end) = filter.UtcRange(Berlin);

        Assert.Equal(new DateTime(2026, 2, 28, 23, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 3, 31, 22, 0, 0, DateTimeKind.Utc), end);
    }

    [Fact]
    public void Daylight_saving_week_spans_167_hours()
    {
        var filter = new ReportFilter(new DateOnly(2026, 3, 23), new DateOnly(2026, 3, 29));

        var (start, end) = filter.UtcRange(Berlin);

        Assert.Equal(new DateTime(2026, 3, 22, 23, 0, 0, DateTimeKind.Utc), start);
        Assert.Equal(new DateTime(2026, 3, 29, 22, 0, 0, DateTimeKind.Utc), end);
        Assert.Equal(TimeSpan.FromHours(167), end - start);
    }

    [Fact]
    public void Reversed_range_is_invalid()
    {
        var filter = new ReportFilter(new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 1));

        Assert.Contains("before the start date", filter.Validate());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Month_and_daylight_saving_ranges_select_the_right_tickets(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        var queries = new ReportQueries(database.Factory);
        var viewer = new HelpdeskLite.Auth.CurrentUser(1, "agent", "Agent", Role.ItSupport, "Europe/Berlin", false);
        using (var db = database.Factory.Open())
        {
            var user = TestRecords.AddUser(db, Role.User);
            foreach (var created in new[]
            {
                Utc(2026, 2, 28, 22, 30), Utc(2026, 2, 28, 23, 30), Utc(2026, 3, 22, 22, 30), Utc(2026, 3, 22, 23, 30),
                Utc(2026, 3, 29, 21, 30), Utc(2026, 3, 29, 22, 30), Utc(2026, 3, 31, 21, 59), Utc(2026, 3, 31, 22, 0),
            })
            {
                TestRecords.AddTicket(db, user.Id, createdAt: created);
            }
        }

        var march = queries.TicketFacts(viewer, new ReportFilter(new(2026, 3, 1), new(2026, 3, 31)), Berlin);
        var week = queries.TicketFacts(viewer, new ReportFilter(new(2026, 3, 23), new(2026, 3, 29)), Berlin);

        Assert.Equal(
            [Utc(2026, 2, 28, 23, 30), Utc(2026, 3, 22, 22, 30), Utc(2026, 3, 22, 23, 30), Utc(2026, 3, 29, 21, 30),
                Utc(2026, 3, 29, 22, 30), Utc(2026, 3, 31, 21, 59)],
            march.Select(t => t.CreatedAt).Order());
        Assert.Equal([Utc(2026, 3, 22, 23, 30), Utc(2026, 3, 29, 21, 30)], week.Select(t => t.CreatedAt).Order());
    }

    private static DateTime Utc(int year, int month, int day, int hour, int minute) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
