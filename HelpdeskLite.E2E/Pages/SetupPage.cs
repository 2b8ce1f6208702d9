using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

public sealed class SetupPage(IPage page)
{
    public Task GotoAsync(string link) => page.GotoAsync(link);

    public async Task CreateAdminAsync(string username, string displayName, string password)
    {
        await page.Locator("#Username").FillAsync(username);
        await page.Locator("#DisplayName").FillAsync(displayName);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("#ConfirmPassword").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
    }
}
