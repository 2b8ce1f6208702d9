using Serilog;
using Serilog.Events;

namespace HelpdeskLite.Hosting;

public static class Logging
{
    private const string Template =
        "{Timestamp:yyyy-MM-dd HH:mm:ss.fff zzz} [{Level:u3}] {SourceContext} {RequestId} {Message:lj}{NewLine}{Exception}";

    /// <summary>
    /// Logs to the console and to a daily file in the data folder. Framework sources log from
    /// Warning up, because at Information ASP.NET Core writes whole request URLs, and a set-up
    /// link carries its token in the query string.
    /// </summary>
    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, string dataFolder)
    {
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("LinqToDB", LogEventLevel.Warning)
            .MinimumLevel.Override("FluentMigrator", LogEventLevel.Warning)
            .ReadFrom.Configuration(configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: Template)
            .WriteTo.File(
                Path.Combine(dataFolder, "logs", "helpdesk-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 90,
                outputTemplate: Template);
    }
}
