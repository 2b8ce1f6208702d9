using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using LinqToDB;

namespace HelpdeskLite.Pages.Audit;

public sealed record AuditPage(IReadOnlyList<AuditEntry> Rows, int Page, bool HasMore);

/// <summary>Reads the audit log for the viewer and the export, newest first.</summary>
public sealed class AuditQueries(HelpdeskDbFactory dbs)
{
    public const int PageSize = 50;
    public const int MaxPage = 10_000;
    private const int ExportBatch = 5_000;

    public AuditPage Search(AuditFilter filter, TimeZoneInfo zone, int page)
    {
        page = Math.Clamp(page, 1, MaxPage);
        using var db = dbs.Open();
        var rows = Filtered(db, filter, zone)
            .OrderByDescending(e => e.Sequence)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToList();
        return new AuditPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    /// <summary>Streams every matching entry, newest first, in keyset batches.</summary>
    public IEnumerable<AuditEntry> Stream(AuditFilter filter, TimeZoneInfo zone)
    {
        using var db = dbs.Open();
        var before = long.MaxValue;
        while (true)
        {
            var cursor = before;
            var batch = Filtered(db, filter, zone)
                .Where(e => e.Sequence < cursor)
                .OrderByDescending(e => e.Sequence)
                .Take(ExportBatch)
                .ToList();
            foreach (var entry in batch)
            {
                yield return entry;
            }

            if (batch.Count < ExportBatch)
            {
                yield break;
            }

            before = batch[^1].Sequence;
        }
    }

    private static IQueryable<AuditEntry> Filtered(HelpdeskDb db, AuditFilter filter, TimeZoneInfo zone)
    {
        var query = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Actor))
        {
            var actor = filter.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor));
        }

        if (filter.ActorId is { } actorId)
        {
            query = query.Where(e => e.ActorId == actorId);
        }

        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityType))
        {
            var type = filter.EntityType.Trim();
            query = query.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(filter.EntityId))
        {
            var id = filter.EntityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }

        var (start, end) = filter.UtcRange(zone);
        if (start is { } from)
        {
            query = query.Where(e => e.OccurredAt >= from);
        }

        if (end is { } to)
        {
            query = query.Where(e => e.OccurredAt < to);
        }

        return query;
    }
}
