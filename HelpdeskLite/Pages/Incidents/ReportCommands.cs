using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using LinqToDB;
using LinqToDB.Data;
using HelpdeskLite.Notifications;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>What a person fills in to report a suspected security event.</summary>
public sealed record ReportInput(string? Title, string? WhatHappened, string? NoticedAt, string? Affected);

/// <summary>Files a report by any signed-in user, with its attachments kept as evidence.</summary>
public sealed class ReportCommands(
    HelpdeskDbFactory dbs,
    FileStore files,
    IncidentJournal journal,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<ReportCommands> logger)
{
    public const int MaxTitle = 200;
    public const int MaxText = 20_000;

    public async Task<IncidentResult> ReportAsync(
        ReportInput input, IReadOnlyCollection<IFormFile> uploads, CurrentUser user, AuditActor actor)
    {
        var title = (input.Title ?? "").Trim();
        var text = (input.WhatHappened ?? "").Trim();
        var error = title.Length == 0 ? "Enter a short title for what happened."
            : title.Length > MaxTitle ? $"The title is longer than {MaxTitle} characters."
            : text.Length == 0 ? "Describe what happened."
            : text.Length > MaxText || (input.Affected ?? "").Length > MaxText
                ? $"A text field is longer than {MaxText} characters."
            : files.CheckBatch(uploads);
        var (noticed, timeError) = LocalTimeInput.Parse(input.NoticedAt, user.Zone);
        error ??= timeError;
        var now = clock.UtcNowMicroseconds();
        if (error is null && noticed > now)
        {
            error = "The time you noticed it is in the future. Enter when you noticed it.";
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

        try
        {
            var id = Insert(new Incident
            {
                Title = title,
                ReportedTitle = title,
                Description = text,
                AffectedText = (input.Affected ?? "").Trim(),
                NoticedAt = noticed,
                ReporterId = user.Id,
                ReportedAt = now,
                UpdatedAt = now,
            }, stored, user.Id, actor);
            return IncidentResult.Done(id);
        }
        catch
        {
            stored.ForEach(files.Discard);
            throw;
        }
    }

    private long Insert(Incident incident, List<StoredFile> stored, long userId, AuditActor actor)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        incident.Number = NextNumber(db);
        incident.Id = db.InsertWithInt64Identity(incident);
        journal.Timeline(db, incident.Id, TimelineKind.Reported, incident.ReportedAt, userId, "Reported.");
        journal.Audit(db, actor, AuditEvent.Incident_Created, incident.Id,
            new { number = incident.NumberText, title = incident.Title, attachments = stored.Count });
        foreach (var file in stored)
        {
            EvidenceCommands.InsertEvidence(db, journal, actor, new Evidence
            {
                IncidentId = incident.Id,
                Origin = EvidenceOrigin.ReportAttachment,
                StorageKey = file.StorageKey,
                Sha256 = file.Sha256,
                SizeBytes = file.Size,
                FileName = file.FileName,
                Description = "Attached by the reporter",
                AddedById = userId,
                AddedAt = incident.ReportedAt,
            });
        }

        notifications.RaiseIncidentReported(db, IncidentJournal.Facts(incident), userId);
        transaction.Commit();
        logger.LogInformation("Incident {IncidentNumber} was reported", incident.NumberText);
        return incident.Id;
    }

    /// <summary>Takes the next number; updating the counter row first serialises concurrent reports.</summary>
    public static long NextNumber(DataConnection db)
    {
        db.GetTable<IncidentCounter>().Where(c => c.Id == 1).Set(c => c.LastNumber, c => c.LastNumber + 1).Update();
        return db.GetTable<IncidentCounter>().Single(c => c.Id == 1).LastNumber;
    }
}
