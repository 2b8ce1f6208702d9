using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E;

/// <summary>
/// The first admin completes set-up in the browser and creates one user per role; each role then
/// signs in and sees what the role allows.
/// </summary>
public sealed class RoleTests(ProductFixture product) : IAsyncLifetime
{
    private const string AdminPassword = "Harbour-Lantern-Quartz-81";
    private const string InitialPassword = "Initial-Maple-Canyon-27";
    private const string OwnPassword = "Chosen-Willow-Summit-64";

    // Set-up runs once for the class; a failure there fails every test with the same cause.
    private static readonly Lock SetupGate = new();
    private static Task? setup;

    private static readonly (string Username, string RoleLabel)[] NonAdmins =
    [
        ("it.support", "IT Support"),
        ("security.officer", "Security Officer"),
        ("plain.user", "User"),
    ];

    public static TheoryData<string, string> Roles => new(NonAdmins);

    public async ValueTask InitializeAsync()
    {
        lock (SetupGate)
        {
            setup ??= CreateAdminAndUsersAsync();
        }

        await setup;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Admin_sees_user_administration()
    {
        var page = await product.NewPageAsync();
        var shell = new Shell(page);

        await new SignInPage(page).GotoAsync();
        await new SignInPage(page).SignInAsync("first.admin", AdminPassword);

        await Expect(shell.Heading).ToHaveTextAsync("Welcome, First Admin");
        await Expect(shell.AccountName).ToContainTextAsync("Admin");
        await Expect(shell.UsersLink).ToBeVisibleAsync();
        await shell.OpenUsersAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Users");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "plain.user" }).Or(page.GetByText("plain.user")).First)
            .ToBeVisibleAsync();
        await ProductFixture.CheckPageAsync(page, "admin-users");
        await page.Context.CloseAsync();
    }

    [Theory, MemberData(nameof(Roles))]
    public async Task Role_sees_dashboard_without_user_administration(string username, string roleLabel)
    {
        var page = await product.NewPageAsync();
        var shell = new Shell(page);
        var signIn = new SignInPage(page);

        await signIn.GotoAsync();
        await signIn.SignInAsync(username, OwnPassword);

        await Expect(shell.Heading).ToHaveTextAsync($"Welcome, {DisplayName(username)}");
        await Expect(shell.AccountName).ToContainTextAsync(roleLabel);
        await Expect(shell.Navigation.GetByRole(AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
        await Expect(shell.UsersLink).ToHaveCountAsync(0);
        await ProductFixture.CheckPageAsync(page, $"dashboard-{username}");

        await page.GotoAsync("/admin/users");
        await Expect(shell.Heading).ToHaveTextAsync("Not allowed");
        await ProductFixture.CheckPageAsync(page, $"forbidden-{username}");

        await shell.SignOutAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await page.Context.CloseAsync();
    }

    private async Task CreateAdminAndUsersAsync()
    {
        var page = await product.NewPageAsync();
        var shell = new Shell(page);
        var setup = new SetupPage(page);
        var signIn = new SignInPage(page);

        await setup.GotoAsync(product.SetupLink);
        await Expect(shell.Heading).ToHaveTextAsync("Create the first administrator");
        await ProductFixture.CheckPageAsync(page, "setup");
        await setup.CreateAdminAsync("first.admin", "First Admin", AdminPassword);
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await ProductFixture.CheckPageAsync(page, "sign-in");
        await signIn.SignInAsync("first.admin", AdminPassword);
        await Expect(shell.Heading).ToHaveTextAsync("Welcome, First Admin");
        await ProductFixture.CheckPageAsync(page, "dashboard-admin");

        foreach (var (username, roleLabel) in NonAdmins)
        {
            await shell.OpenUsersAsync();
            await ProductFixture.CheckPageAsync(page, "users");
            var newUser = new NewUserPage(page);
            await newUser.OpenFromUserListAsync();
            await ProductFixture.CheckPageAsync(page, "new-user");
            await newUser.CreateAsync(username, DisplayName(username), roleLabel, InitialPassword);
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The user was created.");
            await ProductFixture.CheckPageAsync(page, "user-created");
        }

        await shell.SignOutAsync();
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await page.Context.CloseAsync();

        foreach (var (username, _) in NonAdmins)
        {
            await ChooseOwnPasswordAsync(username);
        }
    }

    /// <summary>New users must replace the password the admin gave them at first sign-in.</summary>
    private async Task ChooseOwnPasswordAsync(string username)
    {
        var page = await product.NewPageAsync();
        var signIn = new SignInPage(page);
        var change = new ChangePasswordPage(page);

        await signIn.GotoAsync();
        await signIn.SignInAsync(username, InitialPassword);
        await Expect(change.Heading).ToHaveTextAsync("Change your password");
        await ProductFixture.CheckPageAsync(page, "change-password");
        await change.ChangeAsync(InitialPassword, OwnPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profile"));
        await ProductFixture.CheckPageAsync(page, "profile");
        await page.Context.CloseAsync();
    }

    private static string DisplayName(string username) =>
        string.Join(' ', username.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
}
