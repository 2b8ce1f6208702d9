using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Whether an incident was closed as a false positive, and the reason given.</summary>
[Migration(402)]
public sealed class M0402_FalsePositiveClosure(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up() =>
        Alter.Table("incidents")
            .AddColumn("false_positive").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("false_positive_reason").AsCustom(Dialect.Text).Nullable();
}
