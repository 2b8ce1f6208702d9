using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The layout around every page: main navigation, the signed-in user and sign-out.</summary>
public sealed class Shell(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Navigation => page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

    public ILocator UsersLink => Navigation.GetByRole(AriaRole.Link, new() { Name = "Users" });

    public ILocator AccountName => page.Locator(".account-name");

    public Task OpenUsersAsync() => UsersLink.ClickAsync();

    public Task SignOutAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
}
