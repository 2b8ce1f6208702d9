using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Infrastructure;

/// <summary>The browser pages a test opened as its people, closed together when the test ends.</summary>
public sealed class OpenPages(People people) : IAsyncDisposable
{
    private readonly List<IPage> pages = [];

    /// <summary>Opens a page signed in as the person, which is closed on dispose.</summary>
    public async Task<IPage> OpenAsync(Person person)
    {
        var page = await people.OpenAsync(person);
        pages.Add(page);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
    }
}
