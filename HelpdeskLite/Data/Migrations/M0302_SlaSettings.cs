using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>SLA policies per priority and business calendars, seeded with working defaults.</summary>
[Migration(302)]
public sealed class M0302_SlaSettings(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        Id(Create.Table("business_calendars"))
            .WithColumn("name").AsCustom(Dialect.Varchar(100)).NotNullable()
            .WithColumn("time_zone").AsCustom(Dialect.Varchar(64)).NotNullable()
            .WithColumn("around_the_clock").AsBoolean().NotNullable()
            .WithColumn("weekly_hours").AsCustom(Dialect.Varchar(400)).NotNullable()
            .WithColumn("business_day_minutes").AsInt32().NotNullable()
            .WithColumn("row_version").AsInt32().NotNullable();

        Id(Create.Table("calendar_holidays"))
            .WithColumn("calendar_id").AsInt64().NotNullable().ForeignKey("fk_holidays_calendar", "business_calendars", "id")
            .WithColumn("holiday_date").AsCustom(Dialect.Varchar(10)).NotNullable()
            .WithColumn("name").AsCustom(Dialect.Varchar(100)).NotNullable();
        Create.Index("ux_holidays_calendar_date").OnTable("calendar_holidays").WithOptions().Unique()
            .OnColumn("calendar_id").Ascending().OnColumn("holiday_date").Ascending();

        Create.Table("sla_policies")
            .WithColumn("priority").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("first_response_target").AsInt32().NotNullable()
            .WithColumn("first_response_unit").AsInt32().NotNullable()
            .WithColumn("resolution_target").AsInt32().NotNullable()
            .WithColumn("resolution_unit").AsInt32().NotNullable()
            .WithColumn("calendar_id").AsInt64().NotNullable().ForeignKey("fk_policies_calendar", "business_calendars", "id");

        const string weekdays = "Mon 09:00-17:00; Tue 09:00-17:00; Wed 09:00-17:00; Thu 09:00-17:00; Fri 09:00-17:00";
        Insert.IntoTable("business_calendars")
            .Row(new { id = 1L, name = "Office hours", time_zone = "UTC", around_the_clock = false, weekly_hours = weekdays, business_day_minutes = 480, row_version = 0 })
            .Row(new { id = 2L, name = "Around the clock", time_zone = "UTC", around_the_clock = true, weekly_hours = "", business_day_minutes = 1440, row_version = 0 });

        // Hours = 0, days = 1; Critical runs on the around-the-clock calendar.
        Insert.IntoTable("sla_policies")
            .Row(new { priority = 0, first_response_target = 8, first_response_unit = 0, resolution_target = 5, resolution_unit = 1, calendar_id = 1L })
            .Row(new { priority = 1, first_response_target = 4, first_response_unit = 0, resolution_target = 3, resolution_unit = 1, calendar_id = 1L })
            .Row(new { priority = 2, first_response_target = 2, first_response_unit = 0, resolution_target = 1, resolution_unit = 1, calendar_id = 1L })
            .Row(new { priority = 3, first_response_target = 1, first_response_unit = 0, resolution_target = 4, resolution_unit = 0, calendar_id = 2L });
    }
}
