using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

public sealed class ChangePasswordPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public async Task ChangeAsync(string current, string replacement)
    {
        await page.Locator("#CurrentPassword").FillAsync(current);
        await page.Locator("#NewPassword").FillAsync(replacement);
        await page.Locator("#ConfirmPassword").FillAsync(replacement);
        await page.GetByRole(AriaRole.Button, new() { Name = "Change password" }).ClickAsync();
    }
}
