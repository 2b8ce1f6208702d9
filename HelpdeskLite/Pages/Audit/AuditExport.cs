using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Pages.Audit;

/// <summary>Exports the filtered audit log as an Excel workbook and records the export.</summary>
public sealed class AuditExport(AuditQueries queries, HelpdeskDbFactory dbs, AuditLog audit, TimeProvider clock)
{
    private static readonly XlsxColumn[] Columns =
    [
        new("Seq", 10), new("Time", 20), new("Actor", 22), new("Actor ID", 10), new("Client IP", 16),
        new("Action", 26), new("Action number", 10), new("Entity type", 14), new("Entity ID", 14),
        new("Details", 80), new("Key", 8), new("MAC", 66),
    ];

    /// <summary>
    /// Writes the workbook to a temporary file that deletes itself when closed, records the
    /// export with its filters and row count, and returns the file positioned at its start.
    /// </summary>
    public (Stream File, string FileName) Write(AuditFilter filter, TimeZoneInfo zone, AuditActor actor)
    {
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
            81920, FileOptions.DeleteOnClose);
        long rows;
        using (var sheet = new XlsxStreamWriter(file, "Audit log", WithZone(Columns, zone)))
        {
            foreach (var entry in queries.Stream(filter, zone))
            {
                sheet.WriteRow(entry.Sequence, entry.OccurredAt.ToLocal(zone), entry.ActorName, entry.ActorId,
                    entry.ClientIp, entry.Action.ToString(), (int)entry.Action, entry.EntityType, entry.EntityId,
                    entry.Details, entry.KeyId, entry.Mac);
            }

            rows = sheet.RowsWritten;
        }

        using (var db = dbs.Open())
        using (var transaction = db.BeginTransaction())
        {
            audit.Append(db, actor, AuditEvent.Export_Downloaded, "report", "audit-log",
                new { report = "audit log", filters = filter.Describe(), rows, zone = zone.Id });
            transaction.Commit();
        }

        file.Position = 0;
        var stamp = clock.UtcNowMicroseconds().ToLocal(zone).ToString("yyyyMMdd-HHmm", System.Globalization.CultureInfo.InvariantCulture);
        return (file, $"audit-log-{stamp}.xlsx");
    }

    private static XlsxColumn[] WithZone(XlsxColumn[] columns, TimeZoneInfo zone) =>
        columns.Select((c, i) => i == 1 ? c with { Header = $"Time ({zone.Id})" } : c).ToArray();
}
