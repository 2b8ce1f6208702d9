using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The audit chain verification at /audit/verify. htmx polls its progress.</summary>
public sealed class AuditVerifyPage(IPage page)
{
    public ILocator Result => page.Locator("#verify-progress .alert");

    public ILocator Facts => page.Locator("#verify-progress dl.facts");

    public Task GotoAsync() => page.GotoAsync("/audit/verify");

    public Task StartAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Start verification" }).ClickAsync();
}
