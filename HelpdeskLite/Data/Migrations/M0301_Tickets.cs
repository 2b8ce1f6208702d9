using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Tickets, their comments, attachments, history and SLA pauses.</summary>
[Migration(301)]
public sealed class M0301_Tickets(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Id(Create.Table("tickets"))
            .WithColumn("number").AsInt64().NotNullable().Unique("ux_tickets_number")
            .WithColumn("subject").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("description").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("request_type").AsInt32().NotNullable()
            .WithColumn("impact").AsInt32().NotNullable()
            .WithColumn("urgency").AsInt32().NotNullable()
            .WithColumn("priority").AsInt32().NotNullable()
            .WithColumn("priority_overridden").AsBoolean().NotNullable()
            .WithColumn("status").AsInt32().NotNullable()
            .WithColumn("requester_id").AsInt64().NotNullable().ForeignKey("fk_tickets_requester", "users", "id")
            .WithColumn("created_by_id").AsInt64().NotNullable().ForeignKey("fk_tickets_creator", "users", "id")
            .WithColumn("assignee_id").AsInt64().Nullable().ForeignKey("fk_tickets_assignee", "users", "id")
            .WithColumn("related_ticket_id").AsInt64().Nullable()
            .WithColumn("resolution_note").AsCustom(Dialect.Text).Nullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("updated_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("first_response_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("resolved_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("closed_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("first_response_due").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("first_response_warn_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("resolution_due").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("resolution_warn_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("sla_state").AsInt32().NotNullable()
            .WithColumn("first_response_breached_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("resolution_breached_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("sla_warned_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("auto_close_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("row_version").AsInt32().NotNullable();
        TicketIndex("ix_tickets_created", "created_at");
        TicketIndex("ix_tickets_updated", "updated_at");
        TicketIndex("ix_tickets_due", "resolution_due");
        TicketIndex("ix_tickets_status_created", "status", "created_at");
        TicketIndex("ix_tickets_status_due", "status", "resolution_due");
        TicketIndex("ix_tickets_assignee_created", "assignee_id", "created_at");
        TicketIndex("ix_tickets_requester_created", "requester_id", "created_at");
        TicketIndex("ix_tickets_priority_created", "priority", "created_at");
        TicketIndex("ix_tickets_type_created", "request_type", "created_at");
        TicketIndex("ix_tickets_sla_due", "sla_state", "resolution_due");
        TicketIndex("ix_tickets_sla_created", "sla_state", "created_at");
        TicketIndex("ix_tickets_subject", "subject");
        TicketIndex("ix_tickets_auto_close", "auto_close_at");

        Id(Create.Table("ticket_comments"))
            .WithColumn("ticket_id").AsInt64().NotNullable().ForeignKey("fk_comments_ticket", "tickets", "id")
            .WithColumn("author_id").AsInt64().NotNullable().ForeignKey("fk_comments_author", "users", "id")
            .WithColumn("body").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("is_internal").AsBoolean().NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable();
        Create.Index("ix_comments_ticket").OnTable("ticket_comments").OnColumn("ticket_id").Ascending();

        Id(Create.Table("ticket_attachments"))
            .WithColumn("ticket_id").AsInt64().NotNullable().ForeignKey("fk_attachments_ticket", "tickets", "id")
            .WithColumn("comment_id").AsInt64().Nullable()
            .WithColumn("is_internal").AsBoolean().NotNullable()
            .WithColumn("uploaded_by_id").AsInt64().NotNullable().ForeignKey("fk_attachments_uploader", "users", "id")
            .WithColumn("storage_key").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("sha256").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("file_name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("content_type").AsCustom(Dialect.Varchar(100)).NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable();
        Create.Index("ix_attachments_ticket").OnTable("ticket_attachments").OnColumn("ticket_id").Ascending();

        Id(Create.Table("ticket_events"))
            .WithColumn("ticket_id").AsInt64().NotNullable().ForeignKey("fk_events_ticket", "tickets", "id")
            .WithColumn("occurred_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("actor_id").AsInt64().Nullable()
            .WithColumn("kind").AsInt32().NotNullable()
            .WithColumn("from_value").AsCustom(Dialect.Varchar(200)).Nullable()
            .WithColumn("to_value").AsCustom(Dialect.Varchar(200)).Nullable()
            .WithColumn("note").AsCustom(Dialect.Text).Nullable()
            .WithColumn("is_internal").AsBoolean().NotNullable();
        Create.Index("ix_events_ticket").OnTable("ticket_events").OnColumn("ticket_id").Ascending();

        Id(Create.Table("sla_pauses"))
            .WithColumn("ticket_id").AsInt64().NotNullable().ForeignKey("fk_pauses_ticket", "tickets", "id")
            .WithColumn("started_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("ended_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("reason").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("caused_by_id").AsInt64().Nullable();
        Create.Index("ix_pauses_ticket").OnTable("sla_pauses").OnColumn("ticket_id").Ascending();
    }

    private void TicketIndex(string name, params string[] columns)
    {
        var index = Create.Index(name).OnTable("tickets");
        foreach (var column in columns)
        {
            index.OnColumn(column).Ascending();
        }
    }
}
