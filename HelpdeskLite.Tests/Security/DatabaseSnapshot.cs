using System.Collections.Concurrent;
using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB.Data;

namespace HelpdeskLite.Tests.Security;

/// <summary>Row counts and a content hash of every table, to show that a request changed nothing.</summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, long> Counts, IReadOnlyDictionary<string, string> Hashes)
{
    /// <summary>
    /// Tables that may change during a rejected or read-only request: the audit chain records
    /// failed sign-ins and downloads, the migration runner keeps its own table, and background
    /// tasks write audit checkpoints, job leases and data-protection keys on their own schedule.
    /// </summary>
    public static readonly HashSet<string> Journals = new(StringComparer.OrdinalIgnoreCase)
    {
        "audit_entries", "audit_head", "audit_checkpoints", "leases", "data_protection_keys", "VersionInfo",
    };

    /// <summary>
    /// Columns left out of the content hash. A rejected password is counted toward the lockout,
    /// which is bookkeeping of the rejection, not a change the request made.
    /// </summary>
    public static readonly HashSet<string> Counters = new(StringComparer.OrdinalIgnoreCase) { "users.failed_sign_ins" };

    public static DatabaseSnapshot Take(TestApp app) => Take(app, hashContent: true);

    /// <summary>Takes row counts only: enough for <see cref="CountChanges"/>, and much cheaper per request.</summary>
    public static DatabaseSnapshot TakeCounts(TestApp app) => Take(app, hashContent: false);

    // The tables of each database, read once, because tests do not change the schema.
    private static readonly ConcurrentDictionary<string, string[]> TablesByDatabase = new(StringComparer.Ordinal);

    /// <summary>Reads every table in one batch, so a snapshot costs one round trip.</summary>
    private static DatabaseSnapshot Take(TestApp app, bool hashContent)
    {
        using var db = app.Db.Open();
        var tables = TablesByDatabase.GetOrAdd(app.Database.ConnectionString, _ => Tables(db));
        using var command = db.OpenDbConnection().CreateCommand();
        command.CommandText = hashContent
            ? string.Join(";\n", tables.Select(table => $"SELECT * FROM {table}"))
            : "SELECT " + string.Join(", ", tables.Select(table => $"(SELECT COUNT(*) FROM {table})"));
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!hashContent)
        {
            reader.Read();
            for (var i = 0; i < tables.Length; i++)
            {
                counts[tables[i]] = Convert.ToInt64(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            return new DatabaseSnapshot(counts, hashes);
        }

        foreach (var table in tables)
        {
            (counts[table], hashes[table]) = HashRows(table, reader);
            reader.NextResult();
        }

        return new DatabaseSnapshot(counts, hashes);
    }

    private static string[] Tables(HelpdeskDb db) =>
        (db.Provider == DatabaseProvider.MySql
            ? db.Query<string>("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
            : db.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"))
        .Where(table => !Journals.Contains(table))
        .Order(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Returns the tables whose row count differs, as "table: before -> after".</summary>
    public IEnumerable<string> CountChanges(DatabaseSnapshot after) =>
        Counts.Where(pair => after.Counts.GetValueOrDefault(pair.Key) != pair.Value)
            .Select(pair => $"{pair.Key}: {pair.Value} -> {after.Counts.GetValueOrDefault(pair.Key)}");

    /// <summary>Returns the tables whose content differs.</summary>
    public IEnumerable<string> ContentChanges(DatabaseSnapshot after) =>
        Hashes.Where(pair => after.Hashes.GetValueOrDefault(pair.Key) != pair.Value).Select(pair => pair.Key);

    /// <summary>Counts and hashes the rows of the reader's current result, in any order.</summary>
    private static (long Count, string Hash) HashRows(string table, DbDataReader reader)
    {
        var hashed = Enumerable.Range(0, reader.FieldCount)
            .Where(i => !Counters.Contains($"{table}.{reader.GetName(i)}"))
            .ToArray();
        var text = new StringBuilder();
        var rows = new List<string>();
        while (reader.Read())
        {
            text.Clear();
            foreach (var i in hashed)
            {
                text.Append(reader.IsDBNull(i) ? "\u2400" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u241F');
            }

            rows.Add(text.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', rows)))));
    }
}
