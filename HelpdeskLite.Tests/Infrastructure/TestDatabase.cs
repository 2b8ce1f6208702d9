using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Data.Migrations;
using Microsoft.Extensions.Options;
using MySqlConnector;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>A fresh, migrated database and data folder for one test, on SQLite or MariaDB.</summary>
public sealed class TestDatabase : IDisposable
{
    private TestDatabase(DatabaseKind kind, string folder, string connectionString)
    {
        Kind = kind;
        Folder = folder;
        ConnectionString = connectionString;
        Options = new DatabaseOptions
        {
            Provider = kind == DatabaseKind.MySql ? DatabaseProvider.MySql : DatabaseProvider.Sqlite,
            ConnectionString = connectionString,
        };
        Factory = new HelpdeskDbFactory(Microsoft.Extensions.Options.Options.Create(Options));
    }

    public DatabaseKind Kind { get; }

    /// <summary>A temporary data folder, deleted with the database.</summary>
    public string Folder { get; }

    public string ConnectionString { get; }

    public DatabaseOptions Options { get; }

    public HelpdeskDbFactory Factory { get; }

    /// <summary>Creates the database without applying migrations.</summary>
    public static async Task<TestDatabase> CreateEmptyAsync(DatabaseKind kind)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"hdl-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var connectionString = kind == DatabaseKind.MySql
            ? await (await MariaDbServer.SharedAsync()).CreateDatabaseAsync()
            : $"Data Source={Path.Combine(folder, "helpdesk.db")}";
        return new TestDatabase(kind, folder, connectionString);
    }

    public static async Task<TestDatabase> CreateAsync(DatabaseKind kind)
    {
        if (kind == DatabaseKind.MySql)
        {
            var template = await MySqlTemplate.Value;
            var folder = Path.Combine(Path.GetTempPath(), $"hdl-test-{Guid.NewGuid():N}");
            Directory.CreateDirectory(folder);
            var server = await MariaDbServer.SharedAsync();
            return new TestDatabase(kind, folder, await server.CloneDatabaseAsync(template.Database));
        }

        var database = await CreateEmptyAsync(kind);
        database.Migrate();
        return database;
    }

    /// <summary>
    /// One migrated MariaDB database per test run that the others are copied from: migrating
    /// costs most of a second per database there. Every app still runs the migrator on start.
    /// </summary>
    private static readonly Lazy<Task<MySqlConnectionStringBuilder>> MySqlTemplate = new(async () =>
    {
        using var database = await CreateEmptyAsync(DatabaseKind.MySql);
        database.Migrate();
        return new MySqlConnectionStringBuilder(database.ConnectionString);
    });

    public void Migrate() => SchemaMigrator.MigrateUp(Options.Provider, ConnectionString);

    /// <summary>Returns an audit log with a fresh key ring kept in this database's folder.</summary>
    public AuditLog CreateAuditLog(TimeProvider? clock = null) =>
        new(KeyRing(), clock ?? TimeProvider.System);

    public AuditKeyRing KeyRing() => AuditKeyRing.Load(null, Path.Combine(Folder, "audit.keys"));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a background task; the temporary folder is left for the OS.
        }
    }
}
