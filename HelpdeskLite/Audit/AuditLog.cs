using System.Data.Common;
using System.Text.Json;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;

namespace HelpdeskLite.Audit;

/// <summary>Who did something, as the audit log records it.</summary>
public sealed record AuditActor(long? Id, string Name, string ClientIp)
{
    public static readonly AuditActor System = new(null, "system", "");

    public static readonly AuditActor CommandLine = new(null, "command line", "");
}

/// <summary>
/// Appends entries to the chain. Each append runs inside the caller's transaction, so the entry
/// commits with the change it records or not at all.
/// </summary>
public sealed class AuditLog(AuditKeyRing keys, TimeProvider clock)
{
    private static readonly JsonSerializerOptions DetailsJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public AuditEntry Append(
        HelpdeskDb db,
        AuditActor actor,
        AuditEvent action,
        string entityType,
        string entityId,
        object? details = null)
    {
        if (db.Transaction is null)
        {
            throw new InvalidOperationException(
                "An audit entry must be written inside the transaction of the change it records.");
        }

        // Updating the head row first takes its write lock (a row lock on MySQL, the database
        // write lock on SQLite), so concurrent appends from any node queue up here.
        db.GetTable<AuditHead>().Where(h => h.Id == 1)
            .Set(h => h.LastSequence, h => h.LastSequence + 1)
            .Update();
        var head = db.GetTable<AuditHead>().SingleOrDefault(h => h.Id == 1)
            ?? throw new InvalidOperationException(
                "The audit chain head row (audit_head, id 1) is missing, so no audit entry can be written. "
                + "Run 'HelpdeskLite audit verify' and restore the database from a backup.");

        var entry = new AuditEntry
        {
            Sequence = head.LastSequence,
            OccurredAt = clock.GetUtcNow().UtcDateTime.TruncateToMicroseconds(),
            ActorId = actor.Id,
            ActorName = actor.Name,
            ClientIp = actor.ClientIp,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? "{}" : JsonSerializer.Serialize(details, DetailsJson),
            PreviousMac = head.LastMac,
            KeyId = keys.CurrentKeyId,
        };
        entry.Mac = AuditMac.Compute(keys.CurrentKey, entry);

        try
        {
            db.Insert(entry);
        }
        catch (DbException ex) when (db.GetTable<AuditEntry>().Any(e => e.Sequence == entry.Sequence))
        {
            throw new InvalidOperationException(
                $"An audit entry with seq {entry.Sequence} already exists, although the chain head records seq "
                + $"{entry.Sequence - 1}: the audit table was changed outside the application. "
                + "Run 'HelpdeskLite audit verify' and restore the database from a backup.", ex);
        }

        db.GetTable<AuditHead>().Where(h => h.Id == 1).Set(h => h.LastMac, entry.Mac).Update();
        return entry;
    }

    /// <summary>
    /// Describes a field change as {"field": {"from": a, "to": b}} so a value cleared to empty
    /// is recorded with its old value.
    /// </summary>
    public static Dictionary<string, object?> Change(string field, object? from, object? to) =>
        new() { [field] = new Dictionary<string, object?> { ["from"] = from, ["to"] = to } };
}
