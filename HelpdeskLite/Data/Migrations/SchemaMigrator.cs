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
            ? (IDisposable)AcquireMySqlLock(connectionString)
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

    private static MySqlMigrationLock AcquireMySqlLock(string connectionString)
    {
        // Named locks are server-wide, so the name carries the database: two HelpdeskLite
        // databases on one server do not wait for each other. Names are limited to 64 characters.
        var database = new MySqlConnectionStringBuilder(connectionString).Database;
        var name = "helpdesklite_migrate_" + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(database)))[..32];
        var connection = new MySqlConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GET_LOCK(@name, @seconds)";
        command.CommandTimeout = (int)LockWait.TotalSeconds + 30;
        command.Parameters.AddWithValue("@name", name);
        command.Parameters.AddWithValue("@seconds", (int)LockWait.TotalSeconds);
        // GET_LOCK returns 1 when acquired, 0 on timeout and NULL on error.
        var acquired = command.ExecuteScalar();
        if (acquired is null or DBNull || Convert.ToInt64(acquired, System.Globalization.CultureInfo.InvariantCulture) != 1)
        {
            connection.Dispose();
            throw new TimeoutException(
                $"Timed out after {LockWait.TotalSeconds} s waiting for another node to finish migrating the database.");
        }

        return new MySqlMigrationLock(connection, name);
    }

    /// <summary>
    /// Releases the named lock explicitly: closing a pooled connection only returns it to the
    /// pool, where it would keep the lock and make every other node wait.
    /// </summary>
    private sealed class MySqlMigrationLock(MySqlConnection connection, string name) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT RELEASE_LOCK(@name)";
                command.Parameters.AddWithValue("@name", name);
                command.ExecuteScalar();
            }
            finally
            {
                connection.Dispose();
            }
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
