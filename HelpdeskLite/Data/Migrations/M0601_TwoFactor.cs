using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Two-factor sign-in: whether TOTP is on, the last accepted time step, recovery codes.</summary>
[Migration(601)]
public sealed class M0601_TwoFactor(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Alter.Table("users")
            .AddColumn("totp_enabled").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("totp_last_step").AsInt64().Nullable();

        Id(Create.Table("recovery_codes"))
            .WithColumn("user_id").AsInt64().NotNullable()
            .WithColumn("code_hash").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("used_at").AsCustom(Dialect.Timestamp).Nullable();
        Create.Index("ix_recovery_codes_user").OnTable("recovery_codes").OnColumn("user_id").Ascending();
    }
}
