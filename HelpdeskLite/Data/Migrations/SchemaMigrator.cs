using FluentMigrator.Runner;
using FluentMigrator.Runner.Processors;
using Microsoft.Data.Sqlite;
using MySqlConnector;

namespace HelpdeskLite.Data.Migrations;

/// <summary>
/// Applies pending migrations under a lock that spans processes, so two nodes starting
/// together apply each migration once: the second waits, then finds nothing left to do.
/// </summary>
public static class SchemaMigrator
{
    private static readonly TimeSpan LockWait = TimeSpan.FromMinutes(2);

    public static void MigrateUp(DatabaseProvider provider, string connectionString)
    {
        using var migrationLock = provider == DatabaseProvider.MySql
            ? (IDisposable)new MySqlMigrationLock(AcquireMySqlLock(connectionString))
            : AcquireFileLock(connectionString);

        using var services = new ServiceCollection()
            .AddSingleton(new SchemaDialect(provider))
            .AddFluentMigratorCore()
            .ConfigureRunner(runner =>
            {
                if (provider == DatabaseProvider.MySql)
                {
                    runner.AddMySql5();
                }
                else
                {
                    runner.AddSQLite();
                }

                runner.WithGlobalConnectionString(connectionString)
                    .ScanIn(typeof(SchemaMigrator).Assembly).For.Migrations();
            })
            .Configure<ProcessorOptions>(options => options.Timeout = TimeSpan.FromMinutes(10))
            .BuildServiceProvider(validateScopes: false);

        services.GetRequiredService<IMigrationRunner>().MigrateUp();
    }

    private static MySqlConnection AcquireMySqlLock(string connectionString)
    {
        var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GET_LOCK(CONCAT('helpdesklite_migrations_', DATABASE()), @seconds)";
        command.Parameters.AddWithValue("@seconds", (int)LockWait.TotalSeconds);
        if (Convert.ToInt64(command.ExecuteScalar() ?? 0L) != 1)
        {
            connection.Dispose();
            throw new TimeoutException(
                $"Timed out after {LockWait.TotalSeconds} s waiting for another node to finish migrating the database.");
        }

        return connection;
    }

    /// <summary>
    /// Releases the named lock explicitly: closing a pooled connection keeps its session, and
    /// with it the lock, so another process would wait the full two minutes.
    /// </summary>
    private sealed class MySqlMigrationLock(MySqlConnection connection) : IDisposable
    {
        public void Dispose()
        {
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT RELEASE_LOCK(CONCAT('helpdesklite_migrations_', DATABASE()))";
                command.ExecuteScalar();
            }

            connection.Dispose();
        }
    }

    private static FileStream AcquireFileLock(string connectionString)
    {
        var database = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var lockPath = Path.GetFullPath(database) + ".migrate.lock";
        var deadline = DateTime.UtcNow + LockWait;
        while (true)
        {
            try
            {
                return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(200);
            }
        }
    }
}
