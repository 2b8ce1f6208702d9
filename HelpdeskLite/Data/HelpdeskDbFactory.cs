using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Data;

/// <summary>Opens connections to the configured database; one per unit of work.</summary>
public sealed class HelpdeskDbFactory
{
    private readonly DataOptions options;

    public HelpdeskDbFactory(IOptions<DatabaseOptions> settings)
    {
        var value = settings.Value;
        Provider = value.Provider;
        ConnectionString = value.ConnectionString;
        options = HelpdeskDb.CreateOptions(value.Provider, value.ConnectionString);
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public HelpdeskDb Open()
    {
        var db = new HelpdeskDb(options);
        if (Provider == DatabaseProvider.Sqlite)
        {
            // Writers from several requests wait for each other instead of failing at once
            // with "database is locked"; foreign keys are off by default in SQLite.
            db.Execute("PRAGMA busy_timeout = 10000; PRAGMA foreign_keys = ON;");
        }

        return db;
    }
}
