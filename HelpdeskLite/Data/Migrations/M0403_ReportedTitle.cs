using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>
/// The title as the reporter wrote it. The security team may rename the incident while it
/// investigates, and the reporter's own views keep showing the words they chose.
/// </summary>
[Migration(403)]
public sealed class M0403_ReportedTitle(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("incidents")
            .AddColumn("reported_title").AsCustom(Dialect.Varchar(200)).NotNullable().WithDefaultValue("");

        // For older incidents the current title is the best value the database has. It differs
        // from the reported one only where an analyst renamed the incident, which its history shows.
        Execute.Sql("UPDATE incidents SET reported_title = title");
    }
}
