using System.Globalization;
using System.Text;
using LinqToDB;
using LinqToDB.Data;
using LinqToDB.Mapping;

namespace HelpdeskLite.Data;

/// <summary>
/// Makes SQLite keep times to the microsecond. linq2db 6.5.1 writes DateTime to SQLite as text
/// with milliseconds only, so a time stored there read back differently from MySQL's
/// DATETIME(6), and audit MACs over it no longer matched.
/// </summary>
public static class SqliteTime
{
    public const string Format = "yyyy-MM-dd HH:mm:ss.ffffff";

    public static MappingSchema Schema { get; } = Create();

    private static MappingSchema Create()
    {
        var schema = new MappingSchema("HelpdeskSqliteTime");
        schema.SetConverter<DateTime, DataParameter>(value => new DataParameter
        {
            DataType = DataType.NVarChar,
            Value = Text(value),
        });
        schema.SetConverter<DateTime?, DataParameter>(value => new DataParameter
        {
            DataType = DataType.NVarChar,
            Value = value is { } time ? Text(time) : null,
        });
        schema.SetValueToSqlConverter(typeof(DateTime), (StringBuilder sql, LinqToDB.SqlQuery.SqlDataType _, object value) =>
            sql.Append('\'').Append(Text((DateTime)value)).Append('\''));
        return schema;
    }

    private static string Text(DateTime value) => value.ToString(Format, CultureInfo.InvariantCulture);
}
