using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>
/// Indexes for the IT Support dashboard's counts, which filter open statuses together with the
/// assignee or the SLA state. Without them each count read every ticket an agent ever had, or
/// every breached ticket ever closed, row by row.
/// </summary>
[Migration(304)]
public sealed class M0304_DashboardIndexes(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Create.Index("ix_tickets_status_assignee_created").OnTable("tickets")
            .OnColumn("status").Ascending()
            .OnColumn("assignee_id").Ascending()
            .OnColumn("created_at").Ascending();
        Create.Index("ix_tickets_status_sla").OnTable("tickets")
            .OnColumn("status").Ascending()
            .OnColumn("sla_state").Ascending();
    }
}
