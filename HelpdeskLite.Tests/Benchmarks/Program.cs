using System.Diagnostics;
using System.Globalization;
using HelpdeskLite.Auth;
using HelpdeskLite.Benchmarks;
using HelpdeskLite.Data;
using HelpdeskLite.Data.Migrations;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

// Loads generated tickets into a fresh SQLite file and a throwaway MariaDB, then times the
// queue's first page under each single filter and each sort. Usage:
//   dotnet run -c Release --project HelpdeskLite.Tests/Benchmarks -- [--sqlite N] [--mysql N] [--runs N]
var sqliteCount = Option(args, "--sqlite", 100_000);
var mysqlCount = Option(args, "--mysql", 1_000_000);
var runs = Option(args, "--runs", 40);
var texts = TicketTextFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "it-tickets.csv"));
var now = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);

if (sqliteCount > 0)
{
    var folder = Directory.CreateTempSubdirectory("hdl-bench-").FullName;
    await RunAsync(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", sqliteCount);
    Directory.Delete(folder, recursive: true);
}

if (mysqlCount > 0)
{
    await using var server = await MariaDbServer.SharedAsync();
    await RunAsync(DatabaseProvider.MySql, await server.CreateDatabaseAsync("bench"), mysqlCount);
}

async Task RunAsync(DatabaseProvider provider, string connectionString, int count)
{
    Console.WriteLine($"## {provider}, {count:N0} tickets");
    SchemaMigrator.MigrateUp(provider, connectionString);
    var factory = new HelpdeskDbFactory(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }));
    var load = Stopwatch.StartNew();
    using (var db = factory.Open())
    {
        TicketLoader.Load(db, count, texts, now);
        db.Execute(provider == DatabaseProvider.MySql ? "ANALYZE TABLE tickets" : "ANALYZE");
    }

    Console.WriteLine($"Loaded in {load.Elapsed.TotalSeconds:0} s.");
    if (args.Contains("--sql"))
    {
        using (var db = factory.Open())
        {
            Console.Error.WriteLine("Stored time: " + db.Execute<string>("SELECT created_at FROM tickets LIMIT 1"));
        }

        DataConnection.TurnTraceSwitchOn();
        DataConnection.WriteTraceLine = (message, _, _) => Console.Error.WriteLine(message);
    }

    var queries = new TicketQueries(factory, new FixedClock(now));
    var agent = new CurrentUser(1, "bench0", "Bench person 0", Role.ItSupport, "Europe/Berlin", false);
    var requester = new CurrentUser(TicketLoader.Agents + 7, "bench", "Bench requester", Role.User, "Europe/Berlin", false);
    Console.WriteLine();
    Console.WriteLine("| case | p50 ms | p95 ms | p99 ms | rows |");
    Console.WriteLine("|---|---:|---:|---:|---:|");
    foreach (var (name, viewer, filter) in Cases(agent, requester))
    {
        var times = new List<double>();
        var rows = 0;
        try
        {
            for (var i = 0; i < runs + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                rows = queries.Search(viewer, filter).Rows.Count;
                if (i >= 3)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }
            }
        }
        catch (System.Data.Common.DbException ex)
        {
            Console.WriteLine($"| {name} | failed: {ex.Message} | | | |");
            continue;
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Percentile(times, 50):0.0} | {Percentile(times, 95):0.0} | {Percentile(times, 99):0.0} | {rows} |"));
    }

    Console.WriteLine();
}

static IEnumerable<(string Name, CurrentUser Viewer, TicketFilter Filter)> Cases(CurrentUser agent, CurrentUser requester)
{
    TicketFilter All() => new() { View = "all" };
    yield return ("no filter (all, newest first)", agent, All());
    foreach (var view in new[] { "open", "unassigned", "assigned", "breaching" })
    {
        yield return ($"view {view}", view == "assigned" ? agent with { Id = 3 } : agent, new TicketFilter { View = view });
    }

    yield return ("view mine (a requester)", requester, new TicketFilter { View = "mine" });
    foreach (var status in Enum.GetValues<TicketStatus>())
    {
        yield return ($"status {status}", agent, new TicketFilter { View = "all", Status = status });
    }

    yield return ("type Hardware", agent, new TicketFilter { View = "all", Type = RequestType.Hardware });
    yield return ("priority Critical", agent, new TicketFilter { View = "all", Priority = Priority.Critical });
    yield return ("assignee one agent", agent, new TicketFilter { View = "all", Assignee = "5" });
    yield return ("assignee none", agent, new TicketFilter { View = "all", Assignee = "none" });
    yield return ("requester one user", agent, new TicketFilter { View = "all", Requester = TicketLoader.Agents + 11 });
    yield return ("sla Breached", agent, new TicketFilter { View = "all", Sla = SlaState.Breached });
    yield return ("sla AtRisk", agent, new TicketFilter { View = "all", Sla = SlaState.AtRisk });
    yield return ("created in one month", agent, new TicketFilter { View = "all", CreatedFrom = new(2025, 3, 1), CreatedTo = new(2025, 3, 31) });
    yield return ("due in one week", agent, new TicketFilter { View = "all", DueFrom = new(2026, 11, 2), DueTo = new(2026, 11, 8) });
    yield return ("search common word (password)", agent, new TicketFilter { View = "all", Q = "password" });
    yield return ("search rare word (zzqx)", agent, new TicketFilter { View = "all", Q = "zzqx" });
    yield return ("search number (T-500000)", agent, new TicketFilter { View = "all", Q = "T-500000" });
    foreach (var column in TicketFilter.SortColumns)
    {
        yield return ($"sort {column} asc", agent, new TicketFilter { View = "all", Sort = column, Dir = "asc" });
        yield return ($"sort {column} desc", agent, new TicketFilter { View = "all", Sort = column, Dir = "desc" });
    }
}

static double Percentile(List<double> sorted, int percentile) =>
    sorted[Math.Clamp((int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

/// <summary>A clock fixed at the time the data was generated for.</summary>
internal sealed class FixedClock(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc);
}
