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

    /// <summary>The facts beside the status: priority, request type, requester, assignee, filing time.</summary>
    public ILocator Facts => page.Locator("dl.facts").First;

    public ILocator Resolution => page.Locator("h2:text-is('Resolution') + p");

    public ILocator History => page.Locator("#ticket-timeline");

    public ILocator Attachments => page.Locator("ul.attachments").First;

    public Task GotoAsync(long number) => page.GotoAsync($"/tickets/{number}");

    /// <summary>Takes the move from New to Assigned with the agent chosen in its assignee list.</summary>
    public async Task AssignAsync(string agentName)
    {
        var form = Actions.Locator("form").Filter(new() { Has = page.Locator("#move-assignee") });
        await form.Locator("#move-assignee").SelectOptionAsync(new SelectOptionValue { Label = agentName });
        await form.GetByRole(AriaRole.Button, new() { Name = "Assign", Exact = true }).ClickAsync();
    }

    /// <summary>Clicks an attachment's link and returns the browser's download of it.</summary>
    public Task<IDownload> DownloadAttachmentAsync(string fileName)
    {
        var link = Attachments.GetByRole(AriaRole.Link, new() { Name = fileName, Exact = true });
        return page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
    }

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
