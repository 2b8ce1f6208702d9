using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>The ASP.NET Core data-protection key ring, shared by every node of one installation.</summary>
[Migration(102)]
public sealed class M0102_DataProtectionKeys(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Id(Create.Table("data_protection_keys"))
            .WithColumn("friendly_name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("xml").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable();
    }
}
