using System.Security.Cryptography;
using System.Text;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>An evidence file ready to send, or why it is not sent.</summary>
public sealed record EvidenceDownload(Stream? Content, string FileName, string? IntegrityError, bool NotFound)
{
    public static readonly EvidenceDownload Missing = new(null, "", null, true);
}

/// <summary>Adds, supersedes and hands out evidence. Evidence is never edited or deleted.</summary>
public sealed class EvidenceCommands(
    HelpdeskDbFactory dbs, FileStore files, IncidentJournal journal, TimeProvider clock, ILogger<EvidenceCommands> logger)
{
    public async Task<IncidentResult> UploadAsync(
        long incidentId, IReadOnlyCollection<IFormFile> uploads, string? description, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user) || !Exists(incidentId))
        {
            return IncidentResult.NotFound;
        }

        var error = uploads.Count == 0 ? "Choose at least one file." : files.CheckBatch(uploads);
        if (error is null && (description ?? "").Length > 2000)
        {
            error = "The description is longer than 2000 characters.";
        }

        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        var stored = new List<StoredFile>();
        foreach (var upload in uploads)
        {
            var result = await files.SaveAsync(upload);
            if (result.File is null)
            {
                stored.ForEach(files.Discard);
                return IncidentResult.Rejected(result.Error!);
            }

            stored.Add(result.File);
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        foreach (var file in stored)
        {
            InsertEvidence(db, journal, actor, new Evidence
            {
                IncidentId = incidentId,
                Origin = EvidenceOrigin.Upload,
                StorageKey = file.StorageKey,
                Sha256 = file.Sha256,
                SizeBytes = file.Size,
                FileName = file.FileName,
                Description = (description ?? "").Trim(),
                AddedById = user.Id,
                AddedAt = now,
            });
        }

        transaction.Commit();
        return IncidentResult.Done(incidentId);
    }

    /// <summary>Inserts an evidence row with its timeline and audit entries, in the caller's transaction.</summary>
    public static long InsertEvidence(HelpdeskDb db, IncidentJournal journal, AuditActor actor, Evidence evidence)
    {
        evidence.Id = db.InsertWithInt64Identity(evidence);
        journal.Timeline(db, evidence.IncidentId, TimelineKind.EvidenceAdded, evidence.AddedAt, evidence.AddedById,
            $"Evidence added: {evidence.FileName} (SHA-256 {evidence.Sha256}).");
        journal.AuditEvidence(db, actor, AuditEvent.Incident_EvidenceAdded, evidence.Id, new
        {
            incidentId = evidence.IncidentId,
            origin = evidence.Origin.ToString(),
            fileName = evidence.FileName,
            sha256 = evidence.Sha256,
            size = evidence.SizeBytes,
            storageKey = evidence.StorageKey,
        });
        return evidence.Id;
    }

    public static string Sha256Of(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public IncidentResult Supersede(long incidentId, long evidenceId, string? reason, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        reason = (reason ?? "").Trim();
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var evidence = db.IncidentEvidence.FirstOrDefault(e => e.Id == evidenceId && e.IncidentId == incidentId);
        if (evidence is null)
        {
            return IncidentResult.NotFound;
        }

        if (evidence.SupersededAt is not null)
        {
            return IncidentResult.Rejected($"{evidence.FileName} is already marked superseded.");
        }

        if (reason.Length is 0 or > 2000)
        {
            return IncidentResult.Rejected("Give the reason this evidence is superseded (up to 2000 characters).");
        }

        var now = clock.UtcNowMicroseconds();
        db.IncidentEvidence.Where(e => e.Id == evidenceId && e.SupersededAt == null)
            .Set(e => e.SupersededAt, now)
            .Set(e => e.SupersededById, user.Id)
            .Set(e => e.SupersededReason, reason)
            .Update();
        journal.Timeline(db, incidentId, TimelineKind.EvidenceSuperseded, now, user.Id,
            $"Evidence superseded: {evidence.FileName}. Reason: {reason}");
        journal.AuditEvidence(db, actor, AuditEvent.Incident_EvidenceSuperseded, evidenceId,
            new { incidentId, reason });
        transaction.Commit();
        return IncidentResult.Done(incidentId);
    }

    /// <summary>
    /// Opens an evidence item after recomputing its SHA-256. A mismatch is logged as an error,
    /// audited, and reported instead of sending the bytes; a good download is audited for the
    /// chain of custody.
    /// </summary>
    public async Task<EvidenceDownload> OpenAsync(long incidentId, long evidenceId, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return EvidenceDownload.Missing;
        }

        Evidence? evidence;
        using (var db = dbs.Open())
        {
            evidence = db.IncidentEvidence.FirstOrDefault(e => e.Id == evidenceId && e.IncidentId == incidentId);
        }

        if (evidence is null)
        {
            return EvidenceDownload.Missing;
        }

        // The bytes that are hashed are the bytes that are sent: the same stream is rewound.
        var content = evidence.ContentText is { } text
            ? new MemoryStream(Encoding.UTF8.GetBytes(text))
            : files.Open(evidence.StorageKey ?? "");
        var actual = content is null ? null : Convert.ToHexStringLower(await SHA256.HashDataAsync(content));
        if (content is null || actual != evidence.Sha256)
        {
            content?.Dispose();
            logger.LogError(
                "Evidence {EvidenceId} of incident {IncidentId} failed its integrity check: recorded {Recorded}, computed {Computed}",
                evidenceId, incidentId, evidence.Sha256, actual ?? "file missing");
            Record(actor, AuditEvent.Incident_EvidenceIntegrityFailed, evidence,
                new { incidentId, recorded = evidence.Sha256, computed = actual ?? "file missing" });
            var problem = actual is null ? "the stored file is missing" : $"its content now hashes to {actual}";
            return new EvidenceDownload(null, evidence.FileName,
                $"Integrity check failed for \"{evidence.FileName}\": the SHA-256 recorded when it was added is "
                + $"{evidence.Sha256}, but {problem}. The file was not sent. Report this to an administrator "
                + "and keep the data folder unchanged for examination.", false);
        }

        Record(actor, AuditEvent.Incident_EvidenceDownloaded, evidence, new { incidentId, sha256 = actual });
        content.Position = 0;
        return new EvidenceDownload(content, evidence.FileName, null, false);
    }

    private void Record(AuditActor actor, AuditEvent action, Evidence evidence, object details)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        journal.AuditEvidence(db, actor, action, evidence.Id, details);
        transaction.Commit();
    }

    private bool Exists(long incidentId)
    {
        using var db = dbs.Open();
        return db.Incidents.Any(i => i.Id == incidentId);
    }
}
