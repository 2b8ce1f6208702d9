using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

public sealed class NewUserPage(IPage page)
{
    public Task GotoAsync() => page.GotoAsync("/admin/users/new");

    public Task OpenFromUserListAsync() => page.GetByRole(AriaRole.Link, new() { Name = "New user" }).ClickAsync();

    public async Task CreateAsync(string username, string displayName, string roleLabel, string password)
    {
        await page.Locator("#Username").FillAsync(username);
        await page.Locator("#DisplayName").FillAsync(displayName);
        await page.Locator("#Role").SelectOptionAsync(new SelectOptionValue { Label = roleLabel });
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create user" }).ClickAsync();
    }
}
