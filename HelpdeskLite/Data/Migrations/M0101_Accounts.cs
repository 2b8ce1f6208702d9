using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>Users, the one-time set-up link, settings and job leases.</summary>
[Migration(101)]
public sealed class M0101_Accounts(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Id(Create.Table("users"))
            .WithColumn("username").AsCustom(Dialect.VarcharNoCase(64)).NotNullable().Unique("ux_users_username")
            .WithColumn("display_name").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("role").AsInt32().NotNullable()
            .WithColumn("password_hash").AsCustom(Dialect.Varchar(400)).NotNullable()
            .WithColumn("security_stamp").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("is_active").AsBoolean().NotNullable()
            .WithColumn("must_change_password").AsBoolean().NotNullable()
            .WithColumn("failed_sign_ins").AsInt32().NotNullable()
            .WithColumn("locked_until").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("time_zone").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("created_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("last_sign_in_at").AsCustom(Dialect.Timestamp).Nullable()
            .WithColumn("totp_secret").AsCustom(Dialect.Varchar(200)).Nullable()
            .WithColumn("row_version").AsInt32().NotNullable();
        Create.Index("ix_users_role").OnTable("users").OnColumn("role").Ascending();

        Id(Create.Table("setup_tokens"))
            .WithColumn("token_hash").AsCustom(Dialect.Varchar(64)).NotNullable().Unique("ux_setup_tokens_hash")
            .WithColumn("expires_at").AsCustom(Dialect.Timestamp).NotNullable()
            .WithColumn("used_at").AsCustom(Dialect.Timestamp).Nullable();

        Create.Table("settings")
            .WithColumn("setting_key").AsCustom(Dialect.Varchar(100)).NotNullable().PrimaryKey()
            .WithColumn("setting_value").AsCustom(Dialect.Text).NotNullable();

        Create.Table("leases")
            .WithColumn("name").AsCustom(Dialect.Varchar(100)).NotNullable().PrimaryKey()
            .WithColumn("holder").AsCustom(Dialect.Varchar(200)).NotNullable()
            .WithColumn("expires_at").AsCustom(Dialect.Timestamp).NotNullable();
    }
}
