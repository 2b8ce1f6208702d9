using FluentMigrator;
using FluentMigrator.Builders.Create.Table;

namespace HelpdeskLite.Data.Migrations;

/// <summary>
/// Column types that differ between the two databases. FluentMigrator's own MySQL text types
/// carry "CHARACTER SET utf8" (three bytes, no emoji), and its DATETIME drops microseconds,
/// so text and time columns name their type explicitly.
/// </summary>
public sealed class SchemaDialect(DatabaseProvider provider)
{
    public DatabaseProvider Provider { get; } = provider;

    public bool IsMySql => Provider == DatabaseProvider.MySql;

    public string Varchar(int length) => IsMySql
        ? $"VARCHAR({length}) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        : "TEXT";

    /// <summary>A short text compared without regard to case, such as a username.</summary>
    public string VarcharNoCase(int length) => IsMySql ? Varchar(length) : "TEXT COLLATE NOCASE";

    public string Text => IsMySql
        ? "LONGTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
        : "TEXT";

    /// <summary>A UTC time to the microsecond, which reads back identically on both databases.</summary>
    public string Timestamp => IsMySql ? "DATETIME(6)" : "TEXT";

    public string Binary => IsMySql ? "LONGBLOB" : "BLOB";
}

/// <summary>A migration that knows which database it writes to.</summary>
public abstract class HelpdeskMigration(SchemaDialect dialect) : Migration
{
    protected SchemaDialect Dialect { get; } = dialect;

    public override void Down() =>
        throw new NotSupportedException("Migrations only go forward; restore a backup instead.");

    protected ICreateTableColumnOptionOrWithColumnSyntax Id(ICreateTableWithColumnSyntax table) =>
        table.WithColumn("id").AsInt64().NotNullable().PrimaryKey().Identity();
}
