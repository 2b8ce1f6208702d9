using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>When the owner of an incident task was notified that it is overdue, so the notice is sent once.</summary>
[Migration(502)]
public sealed class M0502_TaskOverdueNotices(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("incident_tasks")
            .AddColumn("overdue_notified_at").AsCustom(Dialect.Timestamp).Nullable();

        // The overdue job looks for open tasks past their due date that were not yet announced.
        Create.Index("ix_incident_tasks_overdue").OnTable("incident_tasks")
            .OnColumn("is_done").Ascending()
            .OnColumn("due_date").Ascending();
    }
}
