using LinqToDB;
using LinqToDB.Data;
using LinqToDB.DataProvider.MySql;
using LinqToDB.DataProvider.SQLite;

namespace HelpdeskLite.Data;

/// <summary>
/// The one connection to the product's database. Each feature adds its tables in a partial
/// file of its own (HelpdeskDb.Tickets.cs, HelpdeskDb.Incidents.cs, ...).
/// </summary>
public sealed partial class HelpdeskDb : DataConnection
{
    public HelpdeskDb(DataOptions options)
        : base(options)
    {
    }

    public DatabaseProvider Provider =>
        DataProvider.Name.Contains("MySql", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.MySql
            : DatabaseProvider.Sqlite;

    public ITable<User> Users => this.GetTable<User>();

    public ITable<SetupToken> SetupTokens => this.GetTable<SetupToken>();

    public ITable<Setting> Settings => this.GetTable<Setting>();

    public ITable<Lease> Leases => this.GetTable<Lease>();

    /// <summary>Builds the linq2db options for a provider and connection string.</summary>
    public static DataOptions CreateOptions(DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.MySql => new DataOptions().UseMySql(
                connectionString, MySqlVersion.MariaDB10, MySqlProvider.MySqlConnector),
            _ => new DataOptions().UseSQLite(connectionString, SQLiteProvider.Microsoft)
                .UseMappingSchema(SqliteTime.Schema),
        };
}
