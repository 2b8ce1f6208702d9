using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

public sealed class SignInPage(IPage page)
{
    public Task GotoAsync() => page.GotoAsync("/account/sign-in");

    public async Task SignInAsync(string username, string password)
    {
        await page.Locator("#Username").FillAsync(username);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }
}
