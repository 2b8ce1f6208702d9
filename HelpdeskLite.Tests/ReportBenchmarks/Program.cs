using System.Diagnostics;
using HelpdeskLite.Auth;
using HelpdeskLite.Benchmarks;
using HelpdeskLite.Data;
using HelpdeskLite.Data.Migrations;
using HelpdeskLite.Pages.Dashboard;
using HelpdeskLite.Pages.Reports;
using HelpdeskLite.ReportBenchmarks;
using HelpdeskLite.Reports;
using HelpdeskLite.Reports.Excel;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

// Exports N generated tickets from SQLite twice in one run, through the streamed XlsxStreamWriter
// path and through ClosedXML in memory, and prints time and peak memory of each; then loads M
// tickets into a throwaway MariaDB and times the role dashboards. Usage:
//   dotnet run -c Release --project HelpdeskLite.Tests/ReportBenchmarks -- [--export N] [--mysql M] [--runs R]
var exportCount = Option(args, "--export", 100_000);
var mysqlCount = Option(args, "--mysql", 1_000_000);
var runs = Option(args, "--runs", 40);
var texts = TicketTextFile.Read(Path.Combine(AppContext.BaseDirectory, "Data", "it-tickets.csv"));
var now = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc);
var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
var agent = new CurrentUser(1, "bench0", "Bench person 0", Role.ItSupport, zone.Id, false);

if (exportCount > 0)
{
    var folder = Directory.CreateTempSubdirectory("hdl-export-bench-").FullName;
    var factory = Load(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(folder, "bench.db")}", exportCount);
    var queries = new ReportQueries(factory);
    var filter = new ReportFilter(new DateOnly(2020, 1, 1), new DateOnly(2026, 12, 31));
    var names = queries.UserNames();

    var reading = Measure(() => queries.StreamTickets(agent, filter, zone).LongCount());
    Console.WriteLine($"  {"Reading the rows alone",-28} {reading.Rows:N0} rows in {reading.Elapsed.TotalSeconds,5:0.00} s");

    var streamed = Measure(() =>
    {
        using var file = File.Create(Path.Combine(folder, "streamed.xlsx"));
        using var sheet = new XlsxStreamWriter(file, "Tickets", ReportExports.TicketListColumns(zone));
        ReportExports.WriteTicketRows(sheet, queries.StreamTickets(agent, filter, zone), zone, names);
        return sheet.RowsWritten;
    });
    Print("Streamed (XlsxStreamWriter)", streamed, Path.Combine(folder, "streamed.xlsx"));

    var inMemory = Measure(() =>
    {
        var columns = ReportExports.TicketListColumns(zone).Select(c => new ReportColumn(c.Header)).ToArray();
        var rows = queries.StreamTickets(agent, filter, zone).Select(t => (IReadOnlyList<object?>)
            [t.Number, t.Subject, t.Type.ToString(), t.Priority.ToString(), t.Status.ToString(), names[t.RequesterId],
                t.AssigneeId is { } a ? names[a] : null, t.CreatedAt, t.FirstResponseAt, t.ResolvedAt, t.ClosedAt,
                t.SlaState.ToString(), t.ResolvedAt - t.CreatedAt]).ToList();
        using var workbook = new ReportWorkbook(new ReportSummary("ticket list", "benchmark", now, zone, []));
        workbook.AddSheet("Tickets", columns, rows);
        using var file = File.Create(Path.Combine(folder, "closedxml.xlsx"));
        workbook.SaveAs(file);
        return rows.Count;
    });
    Print("ClosedXML in memory", inMemory, Path.Combine(folder, "closedxml.xlsx"));
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(folder, recursive: true);
}

if (mysqlCount > 0)
{
    await using var server = await MariaDbServer.SharedAsync();
    var factory = Load(DatabaseProvider.MySql, await server.CreateDatabaseAsync("reportbench"), mysqlCount);
    var dashboards = new DashboardQueries(factory, new FixedClock(now));
    long requesterId;
    using (var db = factory.Open())
    {
        requesterId = db.Execute<long>("SELECT requester_id FROM tickets ORDER BY id DESC LIMIT 1");
    }

    Console.WriteLine($"Dashboards over {mysqlCount:N0} tickets, {runs} runs each after 3 warm-up runs:");
    Time("User", () => dashboards.ForUser(requesterId));
    Time("IT Support", () => dashboards.ForAgent(agent.Id));
    Time("Security Officer", () => dashboards.ForSecurity(zone));
    Time("Admin (all three)", () =>
    {
        dashboards.ForAgent(agent.Id);
        dashboards.ForSecurity(zone);
    });
}

HelpdeskDbFactory Load(DatabaseProvider provider, string connectionString, int count)
{
    SchemaMigrator.MigrateUp(provider, connectionString);
    var factory = new HelpdeskDbFactory(Options.Create(new DatabaseOptions { Provider = provider, ConnectionString = connectionString }));
    var load = Stopwatch.StartNew();
    using var db = factory.Open();
    TicketLoader.Load(db, count, texts, now);
    db.Execute(provider == DatabaseProvider.MySql ? "ANALYZE TABLE tickets" : "ANALYZE");
    Console.WriteLine($"## {provider}: loaded {count:N0} tickets in {load.Elapsed.TotalSeconds:0} s");
    return factory;
}

void Time(string name, Action action)
{
    for (var i = 0; i < 3; i++)
    {
        action();
    }

    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    Console.WriteLine($"  {name,-20} p50 {Percentile(times, 50),7:0.0} ms   p95 {Percentile(times, 95),7:0.0} ms");
}

static double Percentile(List<double> sorted, int percentile) =>
    sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1)];

static Measurement Measure(Func<long> work)
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
    var baseline = GC.GetTotalMemory(true);
    using var sampler = new PeakSampler();
    var watch = Stopwatch.StartNew();
    var rows = work();
    watch.Stop();
    return new Measurement(rows, watch.Elapsed, sampler.PeakWorkingSet, sampler.PeakManaged - baseline);
}

static void Print(string name, Measurement m, string file) =>
    Console.WriteLine($"  {name,-28} {m.Rows:N0} rows in {m.Elapsed.TotalSeconds,5:0.00} s, " +
        $"peak working set {m.PeakWorkingSet / 1_048_576,5:N0} MB, peak managed heap growth {m.PeakManaged / 1_048_576,5:N0} MB, " +
        $"file {new FileInfo(file).Length / 1_048_576.0:0.0} MB");

static int Option(string[] args, string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
