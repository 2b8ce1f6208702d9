using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Checkpoints of the audit chain head, append-only like the chain itself.</summary>
[Migration(202)]
public sealed class M0202_AuditCheckpoints(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Create.Table("audit_checkpoints")
            .WithColumn("seq").AsInt64().NotNullable().PrimaryKey()
            .WithColumn("mac").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("written_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("key_id").AsCustom(Dialect.Varchar(32)).NotNullable()
            .WithColumn("checkpoint_mac").AsCustom(Dialect.Varchar(64)).NotNullable();

        if (Dialect.IsMySql)
        {
            Execute.Sql("""
                CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'
                """);
            Execute.Sql("""
                CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints FOR EACH ROW
                SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_checkpoints is append-only'
                """);
        }
        else
        {
            Execute.Sql("""
                CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
                BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END
                """);
            Execute.Sql("""
                CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
                BEGIN SELECT RAISE(ABORT, 'audit_checkpoints is append-only'); END
                """);
        }
    }
}
