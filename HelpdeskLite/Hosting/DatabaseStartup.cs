using HelpdeskLite.Data;
using HelpdeskLite.Data.Migrations;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Hosting;

public static class DatabaseStartup
{
    /// <summary>Fills in the default SQLite connection string for the data folder.</summary>
    public static DatabaseOptions Resolve(IConfiguration configuration, string dataFolder)
    {
        var options = new DatabaseOptions();
        configuration.GetSection("Database").Bind(options);
        options.ConnectionString = configuration.GetConnectionString("Helpdesk") ?? "";
        if (options.Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = $"Data Source={Path.Combine(dataFolder, "helpdesk.db")}";
        }

        if (options.Provider == DatabaseProvider.MySql && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            throw new StartupException(
                "Database:Provider is MySql but ConnectionStrings:Helpdesk is empty. Set the connection string.",
                exitCode: 3);
        }

        return options;
    }

    /// <summary>Checks the database answers and brings its schema up to date.</summary>
    public static void Migrate(DatabaseOptions options)
    {
        string target;
        try
        {
            target = options.Describe();
        }
        catch (ArgumentException ex)
        {
            throw new StartupException($"ConnectionStrings:Helpdesk is invalid: {ex.Message}", exitCode: 3, ex);
        }

        try
        {
            using (var db = new HelpdeskDb(HelpdeskDb.CreateOptions(options.Provider, options.ConnectionString)))
            {
                db.Execute<int>("SELECT 1");
                if (options.Provider == DatabaseProvider.MySql)
                {
                    RequireUtf8mb4(db, target);
                }
            }

            SchemaMigrator.MigrateUp(options.Provider, options.ConnectionString);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException)
        {
            throw new StartupException(
                $"Cannot reach the {target}: {ex.Message.TrimEnd('.')}. Check that the server runs and the settings are right.",
                exitCode: 3, ex);
        }
    }

    private static void RequireUtf8mb4(HelpdeskDb db, string target)
    {
        var charset = db.Execute<string>("SELECT @@character_set_database");
        if (!string.Equals(charset, "utf8mb4", StringComparison.OrdinalIgnoreCase))
        {
            throw new StartupException(
                $"The {target} uses character set {charset}; HelpdeskLite needs utf8mb4. " +
                "Run: ALTER DATABASE <name> CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;",
                exitCode: 3);
        }
    }
}
