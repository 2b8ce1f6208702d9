using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E;

/// <summary>
/// The first admin, created through the set-up page, adds one user per role. Each role then signs
/// in and is shown what the role allows.
/// </summary>
public sealed class RoleTests(ProductFixture product)
{
    public static TheoryData<string> Roles => new("IT Support", "Security Officer", "User");

    [Fact]
    public async Task Admin_sees_user_administration()
    {
        var listed = await product.People.AddAsync("Listed User", "User");
        var page = await product.NewPageAsync();
        var shell = new Shell(page);

        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync(People.Admin.Username, People.AdminPassword);

        await Expect(shell.Heading).ToHaveTextAsync($"Welcome, {People.Admin.DisplayName}");
        await Expect(shell.AccountName).ToContainTextAsync("Admin");
        await Expect(shell.UsersLink).ToBeVisibleAsync();
        await shell.OpenUsersAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Users");
        await Expect(page.GetByText(listed.Username, new() { Exact = true })).ToBeVisibleAsync();
        await ProductFixture.CheckPageAsync(page, "admin-users");
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task Role_sees_dashboard_without_user_administration(string roleLabel)
    {
        var person = await product.People.AddAsync($"Role {roleLabel}", roleLabel);
        var key = person.Username[..person.Username.LastIndexOf('.')];
        var page = await product.NewPageAsync();
        var shell = new Shell(page);
        var signIn = new SignInPage(page);

        await signIn.GotoAsync();
        await signIn.SignInAsync(person.Username, People.OwnPassword);

        await Expect(shell.Heading).ToHaveTextAsync($"Welcome, {person.DisplayName}");
        await Expect(shell.AccountName).ToContainTextAsync(roleLabel);
        await Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(shell.UsersLink).ToHaveCountAsync(0);
        await ProductFixture.CheckPageAsync(page, $"dashboard-{key}");

        await page.GotoAsync("/admin/users");
        await Expect(shell.Heading).ToHaveTextAsync("Not allowed");
        await ProductFixture.CheckPageAsync(page, $"forbidden-{key}");

        await shell.SignOutAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await page.Context.CloseAsync();
    }
}
