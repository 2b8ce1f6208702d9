using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The signed-in person's notifications at /notifications.</summary>
public sealed class NotificationsPage(IPage page)
{
    public ILocator Items => page.Locator("#notification-list li.notification");

    public Task GotoAsync() => page.GotoAsync("/notifications");

    public ILocator Item(string text) => Items.Filter(new() { HasText = text });

    public Task OpenAsync(string text) => Item(text).First.GetByRole(AriaRole.Link).ClickAsync();
}
