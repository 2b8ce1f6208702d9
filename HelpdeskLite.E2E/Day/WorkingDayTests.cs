using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.E2E.Day;

/// <summary>
/// The acceptance day: the product started as its own process on a fresh database, and 24 people
/// in Chromium doing a day's work through its pages, from set-up to the evening's reports. The
/// product runs under strace, and the day fails if it tried to reach any address but loopback.
/// </summary>
public sealed class WorkingDayTests(ProductFixture browser)
{
    // NOTE: explicit, so outside `bash .ci/run`: the day takes minutes per database on 2 cores,
    // beyond the CI time budget, and it has not yet passed to its end. Run it with
    // dotnet test HelpdeskLite.E2E -c Release --filter "FullyQualifiedName~WorkingDay" -- xUnit.Explicit=only
    [Theory(Explicit = true), MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Working_day_passes_in_browser(DatabaseKind kind)
    {
        await using var product = await TracedProduct.StartAsync(kind);
        var checks = new DayChecks(kind.ToString().ToLowerInvariant());
        var day = new DayRun(browser, product, checks);

        try
        {
            await Timed("set-up", day.SetUpAsync);
            product.AssertTraced();
            await Timed("filing", day.FileTicketsAsync);
            await Timed("queue", day.WorkTheQueueAsync);
            await Timed("incident", day.HandleSuspiciousMailAsync);
            await Timed("other's ticket", day.TryOthersTicketAsync);
            await Timed("audit and reports", day.CloseTheDayAsync);
            await Timed("dashboards", day.LookAroundAsync);
        }
        finally
        {
            day.DeleteFiles();
        }

        Assert.Empty(checks.Violations);
        Assert.Empty(product.NonLoopbackTargets());
        if (kind == DatabaseKind.MySql)
        {
            Assert.Contains(product.RecordedTargets(), target => target.Contains("127.0.0.1", StringComparison.Ordinal));
        }
    }

    /// <summary>Runs a step and writes its duration to the test output, to keep the day's cost visible.</summary>
    private static async Task Timed(string step, Func<Task> run)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await run();
        TestContext.Current.TestOutputHelper?.WriteLine($"{step}: {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
