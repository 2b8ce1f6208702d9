using MySqlConnector;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>Makes a test app's database unreachable, to test how the product responds.</summary>
public static class DatabaseBreaker
{
    public static async Task BreakAsync(TestDatabase database)
    {
        if (database.Kind == DatabaseKind.MySql)
        {
            var builder = new MySqlConnectionStringBuilder(database.ConnectionString);
            var name = builder.Database;
            builder.Database = "";
            await using var connection = new MySqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE `{name}`";
            await command.ExecuteNonQueryAsync();
            MySqlConnection.ClearAllPools();
            return;
        }

        // A folder where the database file was cannot be opened as a database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        foreach (var path in Directory.GetFiles(Path.GetDirectoryName(file)!, Path.GetFileName(file) + "*"))
        {
            File.Delete(path);
        }

        Directory.CreateDirectory(file);
    }
}
