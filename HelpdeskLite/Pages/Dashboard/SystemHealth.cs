using System.Text.Json;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Pages.Dashboard;

public sealed record HealthReport(
    bool DatabaseReachable,
    string? DatabaseError,
    long? FreeBytes,
    long? TotalBytes,
    bool? AuditIntact,
    DateTime? LastVerifiedAt,
    string? AuditProblem);

/// <summary>Checks what an administrator watches: the database, the data folder's disk and the audit chain.</summary>
public sealed class SystemHealth(HelpdeskDbFactory dbs, IOptions<HelpdeskOptions> options, ILogger<SystemHealth> logger)
{
    public HealthReport Check()
    {
        long? free = null;
        long? total = null;
        try
        {
            var drive = new DriveInfo(Path.GetFullPath(options.Value.DataFolder));
            free = drive.AvailableFreeSpace;
            total = drive.TotalSize;
        }
        catch (IOException error)
        {
            logger.LogWarning(error, "Reading free disk space of the data folder failed");
        }

        try
        {
            using var db = dbs.Open();
            var last = db.AuditEntries.Where(e => e.Action == AuditEvent.Audit_Verified)
                .OrderByDescending(e => e.Sequence)
                .Select(e => new { e.OccurredAt, e.Details })
                .FirstOrDefault();
            bool? intact = null;
            string? problem = null;
            if (last is not null)
            {
                using var details = JsonDocument.Parse(last.Details);
                intact = details.RootElement.TryGetProperty("intact", out var value) && value.GetBoolean();
                problem = details.RootElement.TryGetProperty("problem", out var text) ? text.ToString() : null;
            }

            return new HealthReport(true, null, free, total, intact, last?.OccurredAt, problem);
        }
        catch (Exception error) when (error is System.Data.Common.DbException or InvalidOperationException)
        {
            logger.LogError(error, "The dashboard's database health check failed");
            return new HealthReport(false, error.Message, free, total, null, null, null);
        }
    }
}
