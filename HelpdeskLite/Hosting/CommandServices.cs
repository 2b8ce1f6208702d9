using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Hosting;

/// <summary>The services a command-line command needs: configuration, database and audit log.</summary>
public static class CommandServices
{
    public static ServiceProvider Build(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var helpdesk = configuration.GetSection("Helpdesk").Get<HelpdeskOptions>() ?? new HelpdeskOptions();
        helpdesk.DataFolder = DataFolder.Prepare(helpdesk.DataFolder);
        var database = DatabaseStartup.Resolve(configuration, helpdesk.DataFolder);
        DatabaseStartup.Migrate(database);

        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton(Options.Create(helpdesk))
            .AddSingleton(Options.Create(database))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<HelpdeskDbFactory>()
            .AddAudit(configuration)
            .AddSingleton<PasswordPolicy>()
            .AddSingleton<PasswordHasher<User>>()
            .AddScoped<AccountService>();
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));
        return services.BuildServiceProvider();
    }
}
