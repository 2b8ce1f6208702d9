using Deque.AxeCore.Playwright;
using HelpdeskLite.E2E.Infrastructure;
using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Day;

/// <summary>
/// Runs axe once on each distinct page of the day (a route as one role sees it) and saves the
/// named screenshots under artifacts/screenshots/day-{kind}/. Violations are collected so that
/// one bad page does not hide the rest of the day; the test asserts them at its end.
/// </summary>
public sealed class DayChecks
{
    private readonly HashSet<string> checkedPages = [];
    private readonly List<string> violations = [];

    public DayChecks(string kind)
    {
        ScreenshotFolder = Path.Combine(ProductFixture.ScreenshotFolder, $"day-{kind}");
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public string ScreenshotFolder { get; }

    public IReadOnlyCollection<string> CheckedPages => checkedPages;

    public IReadOnlyList<string> Violations => violations;

    /// <summary>Checks the page with axe unless a page with the same key was checked before.</summary>
    public async Task AccessibilityAsync(IPage page, string key)
    {
        if (!checkedPages.Add(key))
        {
            return;
        }

        var result = await page.RunAxe();
        violations.AddRange(result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{key}: {v.Id} ({v.Impact}) {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}"));
    }

    public Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotFolder, $"{name}.png"),
            FullPage = true,
        });
}
