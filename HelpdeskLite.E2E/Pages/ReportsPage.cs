using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The report page at /reports with its two Excel downloads.</summary>
public sealed class ReportsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The "N tickets filed" figure at the top of the ticket report.</summary>
    public ILocator Total => page.Locator(".stat").First;

    public ILocator Scope => page.Locator("main p.muted.small").First;

    public Task GotoAsync(string kind) => page.GotoAsync($"/reports?kind={kind}");

    /// <summary>Picks an agent in the filter form and shows the report for their tickets.</summary>
    public async Task FilterByAgentAsync(string agentName)
    {
        await page.Locator("#assignee").SelectOptionAsync(new SelectOptionValue { Label = agentName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("assignee=", StringComparison.Ordinal));
    }

    /// <summary>Downloads the report workbook and returns where Playwright saved it.</summary>
    public Task<string> DownloadReportAsync(string folder) =>
        DownloadAsync(page.GetByRole(AriaRole.Link, new() { Name = "Download report (Excel)" }), folder);

    public Task<string> DownloadListAsync(string folder) =>
        DownloadAsync(page.GetByRole(AriaRole.Link, new() { Name = "list (Excel)" }), folder);

    private async Task<string> DownloadAsync(ILocator link, string folder)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        var path = Path.Combine(folder, download.SuggestedFilename);
        await download.SaveAsAsync(path);
        return path;
    }
}
