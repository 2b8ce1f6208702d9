using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>
/// A reporter's own view of their security reports: the list at /incidents/mine and one report's
/// status with the messages sent to them at /incidents/mine/{id}.
/// </summary>
public sealed class MyReportsPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Message => page.GetByRole(AriaRole.Status);

    public ILocator Status => page.Locator("#report-status");

    public ILocator Main => page.Locator("main");

    public Task GotoListAsync() => page.GotoAsync("/incidents/mine");

    public Task GotoAsync(long id) => page.GotoAsync($"/incidents/mine/{id}");

    public ILocator Row(string number) => page.Locator("tbody tr").Filter(new() { HasText = number });
}
