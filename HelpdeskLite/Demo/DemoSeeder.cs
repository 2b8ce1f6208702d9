using System.Diagnostics;
using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Pages.Admin.Sla;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Demo;

/// <summary>What filling the demo database did.</summary>
public sealed record DemoFill(bool Filled, int Tickets, int Incidents, int StoppedScripts, TimeSpan Duration);

/// <summary>
/// Fills an empty database with demo data through the product's own command classes, so
/// history, notifications and audit entries are what real use writes and the audit chain
/// verifies. A clock moved forward step by step spreads the records over the weeks before now.
/// </summary>
public static class DemoSeeder
{
    public const string FilledKey = "demo.filled_at";
    public static readonly TimeSpan Span = TimeSpan.FromDays(42);
    private static readonly TimeSpan MonitorInterval = TimeSpan.FromHours(12);
    private static readonly AuditActor SetUp = new(null, "demo set-up", "");

    /// <summary>Fills the database unless it already contains the demo; rejects one that contains other users.</summary>
    /// <remarks>
    /// NOTE: the full fill runs about 2,000 commands, each in its own transaction. It took 105-160 s
    /// (37 s of CPU) on a 2-core machine at load average 20-30; no unloaded figure exists yet.
    /// </remarks>
    public static async Task<DemoFill> FillIfEmptyAsync(
        IConfiguration configuration, HelpdeskOptions helpdesk, DatabaseOptions database, TimeProvider realClock)
    {
        var watch = Stopwatch.StartNew();
        var factory = new HelpdeskDbFactory(Options.Create(database));
        using (var db = factory.Open())
        {
            if (db.Settings.Any(s => s.Key == FilledKey))
            {
                return new DemoFill(false, db.Tickets.Count(), db.Incidents.Count(), 0, watch.Elapsed);
            }

            if (db.Users.Any())
            {
                throw new StartupException(
                    $"The {database.Describe()} already holds users but no demo data. The demo needs a folder of its " +
                    "own: delete that folder, or choose another with --Demo:Folder PATH.", exitCode: 2);
            }
        }

        var end = realClock.GetUtcNow();
        var clock = new DemoClock(end - Span);
        await using var services = BuildServices(configuration, helpdesk, database, clock);
        using var scope = services.CreateScope();
        var demo = new DemoContext(scope.ServiceProvider, CreateUsers(scope.ServiceProvider));
        ConfigureSla(scope.ServiceProvider);

        var random = new Random(2026);
        var schedule = new DemoSchedule(clock);
        var count = Math.Max(0, configuration.GetSection("Demo").Get<DemoOptions>()?.Tickets ?? 150);
        new DemoTicketScripts(schedule, demo, random).AddAll(DemoTickets.Load().Take(count).ToList(), clock.Now, end);
        new DemoIncidentScripts(schedule, demo).AddAll(end - TimeSpan.FromMinutes(30));
        AddMonitorRuns(schedule, demo.Get<SlaMonitor>(), clock.Now, end);
        var stopped = await schedule.PlayAsync(end);

        clock.Now = realClock.GetUtcNow();
        MarkFilled(demo.Get<HelpdeskDbFactory>(), demo.Get<AuditLog>(), clock);
        using var counts = factory.Open();
        return new DemoFill(true, counts.Tickets.Count(), counts.Incidents.Count(), stopped, watch.Elapsed);
    }

    private static ServiceProvider BuildServices(
        IConfiguration configuration, HelpdeskOptions helpdesk, DatabaseOptions database, DemoClock clock)
    {
        var services = new ServiceCollection()
            .AddSingleton(configuration)
            .AddLogging()
            .AddSingleton(Options.Create(helpdesk))
            .AddSingleton(Options.Create(database))
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<HelpdeskDbFactory>()
            .AddAudit(configuration)
            .AddSingleton<PasswordPolicy>()
            .AddSingleton<PasswordHasher<User>>()
            .AddScoped<AccountService>();
        services.Configure<AuthOptions>(configuration.GetSection("Auth"));

        // The demo password is printed on the console, so its hashes need no full-strength key
        // stretching. A first sign-in rehashes it with the product's own iteration count.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 1000);
        services.Configure<Files.AttachmentOptions>(configuration.GetSection("Attachments"));
        services.AddFeatures();
        return services.BuildServiceProvider();
    }

    private static Dictionary<string, User> CreateUsers(IServiceProvider services)
    {
        var accounts = services.GetRequiredService<AccountService>();
        var users = new Dictionary<string, User>();
        foreach (var person in DemoPeople.All)
        {
            var (user, error) = accounts.Create(
                new NewAccount(person.Username, person.DisplayName, DemoPeople.Password, person.Role, TimeZone: DemoPeople.TimeZone),
                SetUp);
            users[person.Username] = user ?? throw new InvalidOperationException($"Demo user {person.Username} was not created: {error}");
        }

        return users;
    }

    /// <summary>Gives the office calendar the demo organisation's hours, zone and public holidays.</summary>
    private static void ConfigureSla(IServiceProvider services)
    {
        BusinessCalendarRow office;
        using (var db = services.GetRequiredService<HelpdeskDbFactory>().Open())
        {
            office = db.BusinessCalendars.OrderBy(c => c.Id).First(c => !c.AroundTheClock);
        }

        const string week = "Mon 08:30-17:30; Tue 08:30-17:30; Wed 08:30-17:30; Thu 08:30-17:30; Fri 08:30-16:30";
        const string holidays = "2026-08-31 Summer bank holiday\n2026-12-25 Christmas Day\n2026-12-28 Boxing Day (substitute)\n"
            + "2027-01-01 New Year's Day\n2027-03-26 Good Friday\n2027-03-29 Easter Monday";
        var error = services.GetRequiredService<SlaSettingsCommands>().SaveCalendar(
            SetUp, office.Id, office.RowVersion, "London office", DemoPeople.TimeZone, false, week, 540, holidays);
        if (error is not null)
        {
            throw new InvalidOperationException($"The demo calendar was not saved: {error}");
        }
    }

    /// <summary>Runs the SLA monitor as the running product would, so warnings, breaches and automatic closes happen in time.</summary>
    private static void AddMonitorRuns(DemoSchedule schedule, SlaMonitor monitor, DateTimeOffset start, DateTimeOffset end)
    {
        var script = new DemoScript();
        for (var at = start + MonitorInterval; at <= end; at += MonitorInterval)
        {
            schedule.Add(at, script, _ =>
            {
                monitor.RunOnce();
                return true;
            });
        }
    }

    private static void MarkFilled(HelpdeskDbFactory dbs, AuditLog audit, TimeProvider clock)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var value = clock.UtcNowMicroseconds().ToString("O", CultureInfo.InvariantCulture);
        db.Insert(new Setting { Key = FilledKey, Value = value });
        audit.Append(db, SetUp, AuditEvent.Settings_Changed, "setting", FilledKey, AuditLog.Change(FilledKey, null, value));
        transaction.Commit();
    }
}
