using System.Collections.Concurrent;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Infrastructure;

/// <summary>
/// The people of the shared product. The first admin is created once, through the set-up page,
/// by the first test that needs it. Tests add users with names unique in this product, so no
/// test depends on another test's users.
/// </summary>
public sealed class People(ProductFixture product)
{
    public const string AdminPassword = "Harbour-Lantern-Quartz-81";
    public const string InitialPassword = "Initial-Maple-Canyon-27";
    public const string OwnPassword = "Chosen-Willow-Summit-64";

    public static readonly Person Admin = new("first.admin", "First Admin", "Admin");

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, string> sessions = new();
    private readonly ConcurrentDictionary<string, bool> checkedPages = new();
    private Task? setup;
    private int added;

    /// <summary>
    /// Completes first-time set-up once and keeps the admin's session. A failure there fails every
    /// caller with the same cause.
    /// </summary>
    public Task SetUpAsync()
    {
        lock (gate)
        {
            setup ??= CreateAdminAsync();
        }

        return setup;
    }

    /// <summary>
    /// Adds a user with the role through the admin's user form, named after <paramref name="name"/>
    /// and a number. Unless <paramref name="signIn"/> is false, the user then signs in once to
    /// replace the initial password, as the product demands, and <see cref="OpenAsync"/> can open
    /// their session.
    /// </summary>
    public async Task<Person> AddAsync(string name, string roleLabel, bool signIn = true)
    {
        await SetUpAsync();
        var number = Interlocked.Increment(ref added);
        var username = string.Join('.', name.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var person = new Person($"{username}.{number}", $"{name} {number}", roleLabel);

        var page = await OpenAsync(Admin);
        try
        {
            var form = new NewUserPage(page);
            await form.GotoAsync();
            await CheckOnceAsync(page, "new-user");
            await form.CreateAsync(person.Username, person.DisplayName, roleLabel, InitialPassword);
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The user was created.");
            await CheckOnceAsync(page, "user-created");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        if (signIn)
        {
            await SignInFirstTimeAsync(person);
        }

        return person;
    }

    /// <summary>Opens a fresh browser context signed in as the person; the caller closes it.</summary>
    public async Task<IPage> OpenAsync(Person person)
    {
        await SetUpAsync();
        var session = sessions.TryGetValue(person.Username, out var state)
            ? state
            : throw new InvalidOperationException(
                $"{person.Username} has no session because they were added without signing in.");
        return await product.NewPageAsync(product.Address, session);
    }

    private async Task CreateAdminAsync()
    {
        var page = await product.NewPageAsync();
        try
        {
            await CreateAdminAsync(page);
            sessions[Admin.Username] = await page.Context.StorageStateAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task CreateAdminAsync(IPage page)
    {
        var shell = new Shell(page);
        var setupPage = new SetupPage(page);

        await setupPage.GotoAsync(product.SetupLink);
        await Expect(shell.Heading).ToHaveTextAsync("Create the first administrator");
        await ProductFixture.CheckPageAsync(page, "setup");
        await setupPage.CreateAdminAsync(Admin.Username, Admin.DisplayName, AdminPassword);
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await ProductFixture.CheckPageAsync(page, "sign-in");
        await new SignInPage(page).SignInAsync(Admin.Username, AdminPassword);
        await Expect(shell.Heading).ToHaveTextAsync($"Welcome, {Admin.DisplayName}");
        await ProductFixture.CheckPageAsync(page, "dashboard-admin");
    }

    private async Task SignInFirstTimeAsync(Person person)
    {
        var page = await product.NewPageAsync();
        try
        {
            await SignInFirstTimeAsync(page, person);
            sessions[person.Username] = await page.Context.StorageStateAsync();
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task SignInFirstTimeAsync(IPage page, Person person)
    {
        var signIn = new SignInPage(page);
        var change = new ChangePasswordPage(page);

        await signIn.GotoAsync();
        await signIn.SignInAsync(person.Username, InitialPassword);
        await Expect(change.Heading).ToHaveTextAsync("Change your password");
        await CheckOnceAsync(page, "change-password");
        await change.ChangeAsync(InitialPassword, OwnPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profile"));
        await CheckOnceAsync(page, "profile");
    }

    /// <summary>Checks a page that every added user passes through on the first visit only.</summary>
    private async Task CheckOnceAsync(IPage page, string name)
    {
        if (checkedPages.TryAdd(name, true))
        {
            await ProductFixture.CheckPageAsync(page, name);
        }
    }
}
