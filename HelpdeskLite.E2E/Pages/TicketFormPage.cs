using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The new-ticket form at /tickets/new.</summary>
public sealed partial class TicketFormPage(IPage page)
{
    public Task GotoAsync() => page.GotoAsync("/tickets/new");

    /// <summary>Files a ticket and returns its number, read from the ticket page it opens.</summary>
    public async Task<long> FileAsync(string subject, string description, string requestType, params string[] files)
    {
        await page.Locator("#subject").FillAsync(subject);
        await page.Locator("#description").FillAsync(description);
        await page.Locator("#type").SelectOptionAsync(new SelectOptionValue { Label = requestType });
        if (files.Length > 0)
        {
            await page.Locator("#attachments").SetInputFilesAsync(files);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "File ticket" }).ClickAsync();
        await page.WaitForURLAsync(FiledUrl());
        return long.Parse(FiledUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"/tickets/(\d+)\?done=filed")]
    private static partial Regex FiledUrl();
}
