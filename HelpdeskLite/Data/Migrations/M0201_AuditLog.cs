using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>The audit chain and its head row.</summary>
[Migration(201)]
public sealed class M0201_AuditLog(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Create.Table("audit_entries")
            .WithColumn("seq").AsInt64().NotNullable().PrimaryKey()
            .WithColumn("occurred_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("actor_id").AsInt64().Nullable()
            .WithColumn("actor_name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("client_ip").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("action").AsInt32().NotNullable()
            .WithColumn("entity_type").AsCustom(Dialect.Varchar(50)).NotNullable()
            .WithColumn("entity_id").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("details").AsCustom(Dialect.Text).NotNullable()
            .WithColumn("prev_mac").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("mac").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("key_id").AsCustom(Dialect.Varchar(32)).NotNullable();
        Create.Index("ix_audit_entity").OnTable("audit_entries")
            .OnColumn("entity_type").Ascending().OnColumn("entity_id").Ascending();
        Create.Index("ix_audit_actor").OnTable("audit_entries").OnColumn("actor_id").Ascending();
        Create.Index("ix_audit_time").OnTable("audit_entries").OnColumn("occurred_at").Ascending();

        Create.Table("audit_head")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("last_seq").AsInt64().NotNullable()
            .WithColumn("last_mac").AsCustom(Dialect.Varchar(64)).NotNullable();
        Insert.IntoTable("audit_head").Row(new { id = 1, last_seq = 0L, last_mac = Audit.AuditMac.GenesisMac });

        if (Dialect.IsMySql)
        {
            Execute.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entries is append-only'
                """);
            Execute.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_entries is append-only'
                """);
        }
        else
        {
            Execute.Sql("""
                CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                """);
            Execute.Sql("""
                CREATE TRIGGER audit_entries_no_delete BEFORE DELETE ON audit_entries
                BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END
                """);
        }
    }
}
