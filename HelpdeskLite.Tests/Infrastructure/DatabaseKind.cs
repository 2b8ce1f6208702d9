namespace HelpdeskLite.Tests.Infrastructure;

public enum DatabaseKind
{
    Sqlite,
    MySql,
}

public static class Databases
{
    /// <summary>Theory data that runs a test once on SQLite and once on MariaDB.</summary>
    public static TheoryData<DatabaseKind> Both => new() { DatabaseKind.Sqlite, DatabaseKind.MySql };
}
