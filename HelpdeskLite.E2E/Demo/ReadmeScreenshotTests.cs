using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Demo;

/// <summary>
/// Writes the README's screenshots to Demo/Screenshots from a fresh <c>--demo</c> start. Run it
/// on purpose: <c>dotnet test HelpdeskLite.E2E --filter "FullyQualifiedName~ReadmeScreenshot" -- xUnit.Explicit=only</c>.
/// </summary>
public sealed class ReadmeScreenshotTests(ProductFixture fixture) : IDisposable
{
    private const string Password = "helpdesk-demo-pass";
    private const int MaxHeight = 1400;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hdl-shots-{Guid.NewGuid():N}");
    private static readonly string Output = Path.Combine(ProductFixture.RepositoryRoot, "HelpdeskLite.E2E", "Demo", "Screenshots");

    [Fact(Explicit = true)]
    public async Task Readme_screenshots_of_demo_data()
    {
        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(Output);
        var address = new Uri($"http://127.0.0.1:{ProductProcess.FreePort()}");
        await using var demo = ProductProcess.StartDll(folder, "--demo", $"--urls={address}");
        await demo.WaitForOutputAsync("Press Ctrl+C to stop.", TimeSpan.FromMinutes(10));

        var agent = await SignInAsync(address, "support.lee");
        await agent.GotoAsync("/tickets");
        await SaveAsync(agent, "queue");
        await agent.GetByRole(AriaRole.Row).Filter(new() { HasText = "Waiting for User" })
            .Locator("a[href^='/tickets/']").First.ClickAsync();
        await Assertions.Expect(agent.Locator(".demo-banner")).ToBeVisibleAsync();
        await SaveAsync(agent, "ticket");

        var officer = await SignInAsync(address, "security.berg");
        await officer.GotoAsync("/incidents");
        await officer.GetByRole(AriaRole.Row).Filter(new() { HasText = "Phishing" }).GetByRole(AriaRole.Link).First.ClickAsync();
        await SaveAsync(officer, "incident");

        var admin = await SignInAsync(address, "admin");
        await SaveAsync(admin, "dashboard");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await admin.GotoAsync($"/reports?from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        await SaveAsync(admin, "reports");
        await admin.GotoAsync("/audit/verify");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Start verification" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#verify-progress .alert.success"))
            .ToBeVisibleAsync(new() { Timeout = 120_000 });
        await SaveAsync(admin, "audit-verification");
        await demo.StopAsync();
    }

    private async Task<IPage> SignInAsync(Uri address, string username)
    {
        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        var signIn = new SignInPage(page);
        await signIn.GotoAsync();
        await signIn.SignInAsync(username, Password);
        await Assertions.Expect(new Shell(page).AccountName).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Saves the whole page, cut at <see cref="MaxHeight"/> pixels so a long list stays a small file.</summary>
    private static async Task SaveAsync(IPage page, string name)
    {
        var height = await page.EvaluateAsync<int>("document.documentElement.scrollHeight");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Output, $"{name}.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1280, Height = Math.Min(height, MaxHeight) },
        });
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
