namespace HelpdeskLite.Data;

/// <summary>The database engine the product stores its records in.</summary>
public enum DatabaseProvider
{
    Sqlite,
    MySql,
}

/// <summary>Settings of the <c>Database</c> section and the <c>Helpdesk</c> connection string.</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The connection string; empty means a SQLite file in the data folder.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Describes the target without its password, for messages and logs.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            var sqlite = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString);
            return $"SQLite database {sqlite.DataSource}";
        }

        var mysql = new MySqlConnector.MySqlConnectionStringBuilder(ConnectionString);
        return $"MySQL database '{mysql.Database}' on {mysql.Server}:{mysql.Port}";
    }
}
