using System.Diagnostics;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Demo;

/// <summary>
/// <c>HelpdeskLite --demo</c>: serves the product over a separate SQLite database in its own
/// folder, filled with demo data on the first start. It never opens the configured data folder
/// or database: every setting that names a database, folder or key is replaced.
/// </summary>
public static class DemoStart
{
    public const string Switch = "--demo";
    public const string DefaultFolder = "demo-data";
    public const string Banner = "Demo data - not a real helpdesk";

    public static bool IsRequested(string[] args) => args.Contains(Switch, StringComparer.Ordinal);

    public static async Task<int> RunAsync(string[] args)
    {
        var app = HelpdeskApp.Build(Arguments(args, Directory.GetCurrentDirectory()));
        try
        {
            var helpdesk = app.Services.GetRequiredService<IOptions<HelpdeskOptions>>().Value;
            var database = app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            var fill = await DemoSeeder.FillIfEmptyAsync(app.Configuration, helpdesk, database, TimeProvider.System);
            await app.StartAsync();
            PrintAccounts(app, helpdesk.DataFolder, fill);
            await app.WaitForShutdownAsync();
            return 0;
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    /// <summary>
    /// Returns the arguments with <c>--demo</c> replaced by settings that point every folder,
    /// database and key at the demo folder; rejects a demo folder that overlaps the data folder.
    /// </summary>
    public static string[] Arguments(string[] args, string workingFolder)
    {
        var rest = args.Where(a => a != Switch).ToArray();
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(workingFolder, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(rest)
            .Build();
        var dataFolder = FullPath(configuration["Helpdesk:DataFolder"] is { Length: > 0 } data ? data : "data", workingFolder);
        var demoFolder = FullPath(configuration["Demo:Folder"] is { Length: > 0 } demo ? demo : DefaultFolder, workingFolder);
        if (Overlaps(demoFolder, dataFolder))
        {
            throw new StartupException(
                $"The demo folder {demoFolder} is or overlaps the data folder {dataFolder}. The demo never uses real data: " +
                "choose another folder with --Demo:Folder PATH.", exitCode: 64);
        }

        // Command-line settings given last win over appsettings.json, environment variables and earlier flags.
        return
        [
            .. rest,
            $"--Helpdesk:DataFolder={demoFolder}",
            "--Database:Provider=Sqlite",
            "--ConnectionStrings:Helpdesk=",
            "--Attachments:Folder=",
            "--Audit:Keys=",
            "--Audit:KeyFile=",
            "--Audit:CheckpointLogFolder=",
            "--Auth:SigningKey=",
            "--Demo:Enabled=true",
            $"--Demo:Folder={demoFolder}",
        ];
    }

    private static string FullPath(string path, string workingFolder) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, workingFolder));

    private static bool Overlaps(string a, string b)
    {
        // Compared without case, so a case-insensitive file system cannot hide an overlap.
        var comparison = StringComparison.OrdinalIgnoreCase;
        return string.Equals(a, b, comparison)
            || a.StartsWith(b + Path.DirectorySeparatorChar, comparison)
            || b.StartsWith(a + Path.DirectorySeparatorChar, comparison);
    }

    private static void PrintAccounts(WebApplication app, string folder, DemoFill fill)
    {
        var url = app.Urls.FirstOrDefault() ?? HelpdeskApp.DefaultUrl;
        var started = DateTime.Now - Process.GetCurrentProcess().StartTime;

        // Printed to the console, not logged: the demo passwords are for the person at the console.
        Console.WriteLine();
        Console.WriteLine($"{Banner}. Demo database and files: {folder}");
        Console.WriteLine(fill.Filled
            ? $"Filled {fill.Tickets} tickets and {fill.Incidents} incidents in {fill.Duration.TotalSeconds:F1} s."
            : $"Reusing the demo data already there ({fill.Tickets} tickets, {fill.Incidents} incidents).");
        Console.WriteLine($"Open {url} and sign in as one of these demo accounts, password {DemoPeople.Password}:");
        foreach (var person in DemoPeople.FirstOfEachRole())
        {
            Console.WriteLine($"    {person.Username,-16} {person.Role.Display()}");
        }

        Console.WriteLine($"Ready {started.TotalSeconds:F1} s after the process started. Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
