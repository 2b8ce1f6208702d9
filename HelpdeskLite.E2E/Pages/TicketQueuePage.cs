using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The ticket queue at /tickets: views, filters and bulk assign.</summary>
public sealed class TicketQueuePage(IPage page)
{
    public ILocator List => page.Locator("#ticket-list");

    public ILocator Rows => List.Locator("tbody tr").Filter(new() { Has = page.Locator("td a[href^='/tickets/']") });

    public ILocator Message => page.GetByRole(AriaRole.Status);

    public Task GotoAsync(string view, int size = 100) => page.GotoAsync($"/tickets?view={view}&size={size}");

    public ILocator Row(long number) => Rows.Filter(new() { Has = page.Locator($"a[href='/tickets/{number}']") });

    public Task OpenAsync(long number) => Row(number).Locator($"a[href='/tickets/{number}']").First.ClickAsync();

    /// <summary>Picks an assignee in the filter bar; htmx swaps the list in place.</summary>
    public async Task FilterByAssigneeAsync(string agentName)
    {
        var swapped = page.WaitForResponseAsync(r => r.Url.Contains("assignee=", StringComparison.Ordinal));
        await page.Locator("#assignee").SelectOptionAsync(new SelectOptionValue { Label = agentName });
        await swapped;
    }

    /// <summary>Types into the search box; htmx swaps the list in place once the typing pauses.</summary>
    public async Task SearchAsync(string text)
    {
        var swapped = page.WaitForResponseAsync(r => r.Url.Contains("q=", StringComparison.Ordinal));
        await page.Locator("#q").FillAsync(text);
        await swapped;
    }

    /// <summary>Picks a request type in the filter bar; htmx swaps the list in place.</summary>
    public async Task FilterByTypeAsync(string requestType)
    {
        var swapped = page.WaitForResponseAsync(r => r.Url.Contains("type=", StringComparison.Ordinal));
        await page.Locator("#type").SelectOptionAsync(new SelectOptionValue { Label = requestType });
        await swapped;
    }

    public async Task AssignAllShownToAsync(string agentName)
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "Select all" }).CheckAsync();
        await page.Locator("#bulk-assignee").SelectOptionAsync(new SelectOptionValue { Label = agentName });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign selected" }).ClickAsync();
    }
}
