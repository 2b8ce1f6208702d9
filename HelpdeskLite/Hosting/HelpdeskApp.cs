using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Web;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Serilog;

namespace HelpdeskLite.Hosting;

/// <summary>Builds and runs the web application; the table of contents of the product.</summary>
public static class HelpdeskApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static async Task<int> RunAsync(string[] args)
    {
        var app = Build(args);
        try
        {
            await app.StartAsync();
            PrintSetupLinkIfNeeded(app);
            await app.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Builds the application; <paramref name="adjustServices"/> runs after the product's own
    /// registrations, so a host embedding it (the tests) can replace one of them.
    /// </summary>
    public static WebApplication Build(string[] args, Action<IServiceCollection>? adjustServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(HelpdeskApp).Assembly.GetName().Name,
        });
        builder.Configuration.AddJsonFile(
            Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true, reloadOnChange: false);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);

        var helpdesk = builder.Configuration.GetSection("Helpdesk").Get<HelpdeskOptions>() ?? new HelpdeskOptions();
        helpdesk.DataFolder = DataFolder.Prepare(helpdesk.DataFolder);
        var database = DatabaseStartup.Resolve(builder.Configuration, helpdesk.DataFolder);

        // The logger is this application's own, not Serilog's static Log.Logger, so two
        // applications in one process (as in tests) each write to their own data folder.
        var logger = new LoggerConfiguration();
        Logging.Configure(logger, builder.Configuration, helpdesk.DataFolder);
        var serilog = logger.CreateLogger();
        builder.Services.AddSerilog(serilog, dispose: true);
        builder.Services.AddSingleton<Serilog.ILogger>(serilog);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && !HttpsSetup.HasKestrelEndpoints(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // The Server header would name the web server in every response.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        DatabaseStartup.Migrate(database);
        builder.AddRequestLimits();
        AddServices(builder, helpdesk, database);
        adjustServices?.Invoke(builder.Services);

        var app = builder.Build();
        UsePipeline(app);
        return app;
    }

    private static void AddServices(WebApplicationBuilder builder, HelpdeskOptions helpdesk, DatabaseOptions database)
    {
        var services = builder.Services;
        services.AddSingleton(Options.Create(helpdesk));
        services.AddSingleton(Options.Create(database));
        services.Configure<AuthOptions>(builder.Configuration.GetSection("Auth"));
        services.Configure<Files.AttachmentOptions>(builder.Configuration.GetSection("Attachments"));
        services.Configure<Demo.DemoOptions>(builder.Configuration.GetSection("Demo"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HelpdeskDbFactory>();
        services.AddAudit(builder.Configuration);
        services.AddHelpdeskAuthentication();
        services.AddHelpdeskWeb();
        services.AddDatabaseDataProtection();
        services.AddSignInRateLimit(builder.Configuration);
        services.AddHelpdeskHsts();
        services.AddFeatures();
    }

    private static void UsePipeline(WebApplication app)
    {
        app.UseHelpdeskErrorPages();
        app.UseHelpdeskHttps(app.Configuration);
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseEmbeddedStaticFiles();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UsePasswordChangeGate();
        app.UseTwoFactorEnrolmentGate();
        app.UseAntiforgery();
        app.MapHealth();
        app.MapRazorPages();
        app.MapFeatures();
    }

    private static void PrintSetupLinkIfNeeded(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        if (accounts.AnyActiveAdmin())
        {
            return;
        }

        var token = accounts.IssueSetupToken();
        var baseUrl = app.Services.GetRequiredService<IOptions<HelpdeskOptions>>().Value.PublicUrl;
        if (string.IsNullOrEmpty(baseUrl))
        {
            baseUrl = app.Urls.FirstOrDefault() ?? DefaultUrl;
        }

        var minutes = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value.SetupLinkMinutes;

        // Printed straight to the console, not logged: the link is a one-time secret that must
        // not land in the log files.
        Console.WriteLine();
        Console.WriteLine("No administrator exists yet. Open this link to set the first admin's password");
        Console.WriteLine($"(single use, valid for {minutes} minute{(minutes == 1 ? "" : "s")}; restart to get a new one):");
        Console.WriteLine($"    {baseUrl.TrimEnd('/')}/setup?token={token}");
        Console.WriteLine();
    }
}
