using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>A ticket's page at /tickets/{number}: facts, actions, timeline and comments.</summary>
public sealed class TicketPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Status => page.Locator("dl.facts .badge").First;

    public ILocator Message => page.GetByRole(AriaRole.Status);

    public ILocator Actions => page.Locator("#ticket-actions");

    public ILocator Body => page.Locator("main");

    public Task GotoAsync(long number) => page.GotoAsync($"/tickets/{number}");

    /// <summary>Takes a workflow move by its button, filling the move's text box when it has one.</summary>
    public async Task MoveAsync(string verb, string? text = null)
    {
        var form = Actions.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = verb, Exact = true }) });
        if (text is not null)
        {
            await form.Locator("textarea").FillAsync(text);
        }

        await form.GetByRole(AriaRole.Button, new() { Name = verb, Exact = true }).ClickAsync();
    }

    public async Task CommentAsync(string text)
    {
        await page.Locator("#body").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
    }

    public Task ConvertToIncidentAsync()
    {
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        return page.GetByRole(AriaRole.Button, new() { Name = "Convert to incident" }).ClickAsync();
    }
}
