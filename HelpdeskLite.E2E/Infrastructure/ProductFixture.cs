using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(HelpdeskLite.E2E.Infrastructure.ProductFixture))]

// The publish test compiles the whole product; running the browser tests beside it on a small
// CI machine would starve them into time-outs.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace HelpdeskLite.E2E.Infrastructure;

/// <summary>
/// The real product as its own process on a free loopback port with a temporary data folder,
/// and a headless Debian Chromium driven by Playwright.
/// </summary>
public sealed partial class ProductFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hdl-e2e-{Guid.NewGuid():N}");
    private ProductProcess? product;
    private IPlaywright? playwright;

    public ProductFixture()
    {
        People = new People(this);
    }

    public Uri Address { get; private set; } = new("http://127.0.0.1");

    /// <summary>The one-time set-up link the product printed on its standard output.</summary>
    public string SetupLink { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The admin and the users the tests add. The first use completes set-up.</summary>
    public People People { get; }

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium was not found at {ChromiumPath}. Install it with: apt-get install chromium " +
                "(bash .ci/run installs it when missing).");
        }

        Directory.CreateDirectory(folder);
        Directory.CreateDirectory(ScreenshotFolder);
        var port = ProductProcess.FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        product = ProductProcess.StartDll(folder,
            $"--urls={Address}", $"--Helpdesk:DataFolder={Path.Combine(folder, "data")}",

            // Every browser signs in from 127.0.0.1, and each added user posts twice (sign-in and
            // password change), so the per-address limit of 20 posts a minute would reject the
            // later tests of a run.
            "--RateLimit:SignInPermitLimit=500");
        var output = await product.WaitForOutputAsync("/setup?token=", TimeSpan.FromSeconds(90));
        SetupLink = SetupLinkPattern().Match(output).Value;

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run",
            ],
        });
    }

    /// <summary>Opens a fresh browser context (its own cookies) at the product's address.</summary>
    public Task<IPage> NewPageAsync() => NewPageAsync(Address);

    /// <summary>
    /// Opens a browser context at another product's address, optionally with the cookies of an
    /// earlier context (from <c>IBrowserContext.StorageStateAsync</c>), so a person signs in once.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri address, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            StorageState = storageState,
            AcceptDownloads = true,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Saves a screenshot of the page and fails on serious or critical accessibility violations.</summary>
    public static async Task CheckPageAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(ScreenshotFolder, $"{name}.png"),
            FullPage = true,
        });
        var result = await page.RunAxe();
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")
            .ToList();
        Assert.True(serious.Count == 0, $"Accessibility violations on {name}:\n{string.Join('\n', serious)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (playwright is not null)
        {
            await Browser.CloseAsync();
            playwright.Dispose();
        }

        if (product is not null)
        {
            await product.StopAsync();
            await product.DisposeAsync();
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private static string FindRepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HelpdeskLite.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName
            ?? throw new InvalidOperationException($"No HelpdeskLite.sln above {AppContext.BaseDirectory}.");
    }

    [GeneratedRegex(@"http\S+/setup\?token=\S+")]
    private static partial Regex SetupLinkPattern();
}
