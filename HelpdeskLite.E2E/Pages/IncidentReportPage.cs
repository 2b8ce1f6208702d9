using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The report form at /incidents/report, open to every signed-in person.</summary>
public sealed partial class IncidentReportPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public Task GotoAsync() => page.GotoAsync("/incidents/report");

    /// <summary>Sends a report and returns the incident's id, read from the status page it opens.</summary>
    public async Task<long> SendAsync(string title, string whatHappened, DateTime noticedAt, string affected)
    {
        await page.Locator("#title").FillAsync(title);
        await page.Locator("#what").FillAsync(whatHappened);
        await page.Locator("#noticed").FillAsync(IncidentPage.LocalInput(noticedAt));
        await page.Locator("#affected").FillAsync(affected);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();

        await page.WaitForURLAsync(SentUrl());
        return long.Parse(SentUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/incidents/mine/(\d+)\?reported=1")]
    private static partial Regex SentUrl();
}
