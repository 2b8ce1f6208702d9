using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Incidents with their assets, timeline, evidence, tasks, observables and playbooks.</summary>
[Migration(401)]
public sealed class M0401_Incidents(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Id(Create.Table("incidents"))
            .WithColumn("number").AsInt64().NotNullable().Unique("ux_incidents_number")
            .WithColumn("title").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("description").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("affected_text").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("noticed_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("reporter_id").AsInt64().NotNullable().ForeignKey("fk_incidents_reporter", "users", "id")
            .WithColumn("source_ticket_id").AsInt64().Nullable().Unique("ux_incidents_source_ticket")
            .WithColumn("converted_by_id").AsInt64().Nullable()
            .WithColumn("status").AsInt32().NotNullable()
            .WithColumn("category").AsInt32().Nullable()
            .WithColumn("confidentiality").AsInt32().NotNullable()
            .WithColumn("integrity").AsInt32().NotNullable()
            .WithColumn("availability").AsInt32().NotNullable()
            .WithColumn("users_affected").AsInt32().Nullable()
            .WithColumn("systems_affected").AsInt32().Nullable()
            .WithColumn("scope_note").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("personal_data").AsBoolean().NotNullable()
            .WithColumn("severity").AsInt32().Nullable()
            .WithColumn("severity_justification").AsCustom(Dialect.Text).Nullable()
            .WithColumn("detection_source").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("owner_id").AsInt64().Nullable().ForeignKey("fk_incidents_owner", "users", "id")
            .WithColumn("tlp").AsInt32().Nullable()
            .WithColumn("occurred_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("detected_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("reported_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("triaged_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("containment_actions").AsCustom(Dialect.Text).Nullable()
            .WithColumn("contained_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("recovery_actions").AsCustom(Dialect.Text).Nullable()
            .WithColumn("recovered_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("root_cause").AsCustom(Dialect.Text).Nullable()
            .WithColumn("contributing_factors").AsCustom(Dialect.Text).Nullable()
            .WithColumn("lessons_learned").AsCustom(Dialect.Text).Nullable()
            .WithColumn("closed_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("updated_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("row_version").AsInt32().NotNullable();
        Index("incidents", "ix_incidents_status_reported", "status", "reported_at");
        Index("incidents", "ix_incidents_reporter", "reporter_id", "reported_at");
        Index("incidents", "ix_incidents_owner", "owner_id", "status");

        Create.Table("incident_counter")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("last_number").AsInt64().NotNullable();
        Insert.IntoTable("incident_counter").Row(new { id = 1, last_number = 1000L });

        Id(Create.Table("incident_assets"))
            .WithColumn("incident_id").AsInt64().NotNullable().ForeignKey("fk_assets_incident", "incidents", "id")
            .WithColumn("name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("added_at").AsCustom(Dialect.Timestamp).NotNullable();
        Index("incident_assets", "ix_assets_incident", "incident_id");

        Id(Create.Table("incident_timeline"))
            .WithColumn("incident_id").AsInt64().NotNullable().ForeignKey("fk_timeline_incident", "incidents", "id")
            .WithColumn("kind").AsInt32().NotNullable()
            .WithColumn("occurred_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("recorded_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("author_id").AsInt64().Nullable()
            .WithColumn("body").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("edited_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("row_version").AsInt32().NotNullable();
        Index("incident_timeline", "ix_timeline_incident", "incident_id", "occurred_at");

        CreateEvidence();

        Id(Create.Table("incident_tasks"))
            .WithColumn("incident_id").AsInt64().NotNullable().ForeignKey("fk_tasks_incident", "incidents", "id")
            .WithColumn("kind").AsInt32().NotNullable()
            .WithColumn("title").AsCustom(Dialect.Varchar(300)).NotNullable()
            .WithColumn("owner_id").AsInt64().Nullable().ForeignKey("fk_tasks_owner", "users", "id")
            .WithColumn("due_date").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("is_done").AsBoolean().NotNullable()
            .WithColumn("done_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("row_version").AsInt32().NotNullable();
        Index("incident_tasks", "ix_tasks_incident", "incident_id");
        Index("incident_tasks", "ix_tasks_owner", "owner_id", "is_done");

        Id(Create.Table("incident_observables"))
            .WithColumn("incident_id").AsInt64().NotNullable().ForeignKey("fk_observables_incident", "incidents", "id")
            .WithColumn("kind").AsInt32().NotNullable()
            .WithColumn("value").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("normalized_value").AsCustom(Dialect.Varchar(500)).NotNullable()
            .WithColumn("note").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("added_by_id").AsInt64().NotNullable()
            .WithColumn("added_at").AsCustom(Dialect.Timestamp).NotNullable();
        Index("incident_observables", "ix_observables_value", "normalized_value");
        Index("incident_observables", "ix_observables_incident", "incident_id");

        Id(Create.Table("incident_playbook_steps"))
            .WithColumn("category").AsInt32().NotNullable()
            .WithColumn("position").AsInt32().NotNullable()
            .WithColumn("kind").AsInt32().NotNullable()
            .WithColumn("title").AsCustom(Dialect.Varchar(300)).NotNullable();
        Index("incident_playbook_steps", "ix_playbook_category", "category", "position");
        SeedPlaybooks();
    }

    private void CreateEvidence()
    {
        Id(Create.Table("incident_evidence"))
            .WithColumn("incident_id").AsInt64().NotNullable().ForeignKey("fk_evidence_incident", "incidents", "id")
            .WithColumn("origin").AsInt32().NotNullable()
            .WithColumn("storage_key").AsCustom(Dialect.Varchar(64)).Nullable()
            .WithColumn("content_text").AsCustom(Dialect.Text).Nullable()
            .WithColumn("sha256").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("size_bytes").AsInt64().NotNullable()
            .WithColumn("file_name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("description").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("source_attachment_id").AsInt64().Nullable()
            .WithColumn("added_by_id").AsInt64().NotNullable().ForeignKey("fk_evidence_adder", "users", "id")
            .WithColumn("added_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("superseded_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("superseded_by_id").AsInt64().Nullable()
            .WithColumn("superseded_reason").AsCustom(Dialect.Text).Nullable();
        Index("incident_evidence", "ix_evidence_incident", "incident_id");

        // Evidence is immutable: only the supersede columns may change, once, and rows are never
        // deleted. The triggers hold even against someone with direct database access.
        const string immutable = "incident_id, origin, storage_key, content_text, sha256, size_bytes, "
            + "file_name, description, source_attachment_id, added_by_id, added_at";
        if (Dialect.IsMySql)
        {
            var changed = string.Join(" OR ", immutable.Split(", ").Select(c => $"NOT (NEW.{c} <=> OLD.{c})"));
            Execute.Sql($"""
                CREATE TRIGGER incident_evidence_immutable BEFORE UPDATE ON incident_evidence FOR EACH ROW
                BEGIN
                  IF {changed} OR OLD.superseded_at IS NOT NULL THEN
                    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'incident_evidence rows are immutable';
                  END IF;
                END
                """);
            Execute.Sql("""
                CREATE TRIGGER incident_evidence_no_delete BEFORE DELETE ON incident_evidence FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'incident_evidence rows are never deleted'
                """);
        }
        else
        {
            Execute.Sql($"""
                CREATE TRIGGER incident_evidence_immutable BEFORE UPDATE OF {immutable} ON incident_evidence
                BEGIN SELECT RAISE(ABORT, 'incident_evidence rows are immutable'); END
                """);
            Execute.Sql("""
                CREATE TRIGGER incident_evidence_supersede_once BEFORE UPDATE ON incident_evidence
                WHEN OLD.superseded_at IS NOT NULL
                BEGIN SELECT RAISE(ABORT, 'incident_evidence rows are immutable'); END
                """);
            Execute.Sql("""
                CREATE TRIGGER incident_evidence_no_delete BEFORE DELETE ON incident_evidence
                BEGIN SELECT RAISE(ABORT, 'incident_evidence rows are never deleted'); END
                """);
        }
    }

    private void SeedPlaybooks()
    {
        foreach (var (category, steps) in Incidents.PlaybookDefaults.Steps)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                Insert.IntoTable("incident_playbook_steps").Row(new
                {
                    category = (int)category,
                    position = i + 1,
                    kind = (int)steps[i].Kind,
                    title = steps[i].Title,
                });
            }
        }
    }

    private void Index(string table, string name, params string[] columns)
    {
        var index = Create.Index(name).OnTable(table);
        foreach (var column in columns)
        {
            index.OnColumn(column).Ascending();
        }
    }
}
