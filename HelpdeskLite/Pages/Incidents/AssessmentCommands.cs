using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The classification and impact assessment form, as posted.</summary>
public sealed record AssessmentInput(
    string? Title,
    IncidentCategory? Category,
    ImpactLevel Confidentiality,
    ImpactLevel Integrity,
    ImpactLevel Availability,
    int? UsersAffected,
    int? SystemsAffected,
    string? ScopeNote,
    bool PersonalData,
    Severity? Severity,
    string? SeverityJustification,
    string? DetectionSource,
    long? OwnerId,
    Tlp? Tlp,
    string? OccurredAt,
    string? DetectedAt,
    string? Assets);

/// <summary>Changes the classification, impact assessment, severity, owner and assets of an incident.</summary>
public sealed class AssessmentCommands(
    HelpdeskDbFactory dbs, IncidentJournal journal, NotificationService notifications, TimeProvider clock)
{
    public IncidentResult Update(long id, int rowVersion, AssessmentInput input, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Incidents.FirstOrDefault(i => i.Id == id);
        if (before is null)
        {
            return IncidentResult.NotFound;
        }

        if (before.RowVersion != rowVersion)
        {
            return IncidentResult.Stale;
        }

        var now = clock.UtcNowMicroseconds();
        var (after, error) = Apply(db, before, input, user.Zone);
        error ??= KeyTimes.Contradiction(after, now, user.Zone);
        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        if (!IncidentJournal.Claim(db, id, rowVersion, now))
        {
            return IncidentResult.Stale;
        }

        db.Incidents.Where(i => i.Id == id)
            .Set(i => i.Title, after.Title)
            .Set(i => i.Category, after.Category)
            .Set(i => i.Confidentiality, after.Confidentiality)
            .Set(i => i.Integrity, after.Integrity)
            .Set(i => i.Availability, after.Availability)
            .Set(i => i.UsersAffected, after.UsersAffected)
            .Set(i => i.SystemsAffected, after.SystemsAffected)
            .Set(i => i.ScopeNote, after.ScopeNote)
            .Set(i => i.PersonalData, after.PersonalData)
            .Set(i => i.Severity, after.Severity)
            .Set(i => i.SeverityJustification, after.SeverityJustification)
            .Set(i => i.DetectionSource, after.DetectionSource)
            .Set(i => i.OwnerId, after.OwnerId)
            .Set(i => i.Tlp, after.Tlp)
            .Set(i => i.OccurredAt, after.OccurredAt)
            .Set(i => i.DetectedAt, after.DetectedAt)
            .Update();
        Record(db, before, after, now, user.Id, actor);
        UpdateAssets(db, id, input.Assets, now, user.Id, actor);
        transaction.Commit();
        return IncidentResult.Done(id);
    }

    private static (Incident After, string? Error) Apply(HelpdeskDb db, Incident before, AssessmentInput input, TimeZoneInfo zone)
    {
        var after = before.Clone();
        after.Title = (input.Title ?? "").Trim();
        after.Category = input.Category;
        after.Confidentiality = input.Confidentiality;
        after.Integrity = input.Integrity;
        after.Availability = input.Availability;
        after.UsersAffected = input.UsersAffected;
        after.SystemsAffected = input.SystemsAffected;
        after.ScopeNote = (input.ScopeNote ?? "").Trim();
        after.PersonalData = input.PersonalData;
        after.Severity = input.Severity;
        after.DetectionSource = (input.DetectionSource ?? "").Trim();
        after.OwnerId = input.OwnerId;
        after.Tlp = input.Tlp;
        var (occurred, occurredError) = LocalTimeInput.Parse(input.OccurredAt, zone, before.OccurredAt);
        var (detected, detectedError) = LocalTimeInput.Parse(input.DetectedAt, zone, before.DetectedAt);
        after.OccurredAt = occurred;
        after.DetectedAt = detected;

        var justification = (input.SeverityJustification ?? "").Trim();
        var overridden = after.Severity is { } chosen && chosen != after.ProposedSeverity;
        after.SeverityJustification = overridden ? justification : null;

        string? error = after.Title.Length is 0 or > ReportCommands.MaxTitle ? "Enter a title of up to 200 characters."
            : !Defined(input.Category) || !Enum.IsDefined(input.Confidentiality) || !Enum.IsDefined(input.Integrity)
                || !Enum.IsDefined(input.Availability) || !Defined(input.Severity) || !Defined(input.Tlp)
                ? "Choose the category, impacts, severity and TLP from the lists."
            : input.UsersAffected < 0 || input.SystemsAffected < 0 ? "The numbers affected cannot be negative."
            : after.ScopeNote.Length > 20_000 || after.DetectionSource.Length > 200
                ? "The scope note or detection source is too long."
            : occurredError ?? detectedError;
        if (error is null && overridden && justification.Length == 0)
        {
            error = $"The severity {after.Severity} differs from the proposed {after.ProposedSeverity}. "
                + "Write a justification for the override, or choose the proposed severity.";
        }

        if (error is null && justification.Length > 4000)
        {
            error = "The justification is longer than 4000 characters.";
        }

        if (error is null && input.OwnerId is { } ownerId && ownerId != before.OwnerId
            && !db.Users.Any(u => u.Id == ownerId && u.IsActive && u.Role == Role.SecurityOfficer))
        {
            error = "The owner must be an active Security Officer.";
        }

        return (after, error);
    }

    private static bool Defined<T>(T? value) where T : struct, Enum => value is null || Enum.IsDefined(value.Value);

    private void Record(HelpdeskDb db, Incident before, Incident after, DateTime now, long userId, AuditActor actor)
    {
        if (before.Severity != after.Severity || before.SeverityJustification != after.SeverityJustification)
        {
            var text = $"Severity {Show(before.Severity)} → {Show(after.Severity)} (proposed {after.ProposedSeverity})"
                + (after.SeverityJustification is { } why ? $". Override justification: {why}" : ".");
            journal.Timeline(db, after.Id, TimelineKind.SeverityChanged, now, userId, text);
            journal.Audit(db, actor, AuditEvent.Incident_SeverityChanged, after.Id, new
            {
                from = before.Severity?.ToString(),
                to = after.Severity?.ToString(),
                proposed = after.ProposedSeverity.ToString(),
                justification = after.SeverityJustification,
            });
        }

        if (before.OwnerId != after.OwnerId)
        {
            var names = db.Users.Where(u => u.Id == before.OwnerId || u.Id == after.OwnerId)
                .ToDictionary(u => u.Id, u => u.DisplayName);
            string Name(long? id) => id is { } key && names.TryGetValue(key, out var n) ? n : "nobody";
            journal.Timeline(db, after.Id, TimelineKind.OwnerChanged, now, userId,
                $"Owner {Name(before.OwnerId)} → {Name(after.OwnerId)}.");
            journal.Audit(db, actor, AuditEvent.Incident_OwnerChanged, after.Id,
                AuditLog.Change("ownerId", before.OwnerId, after.OwnerId));
            if (after.OwnerId is { } ownerId)
            {
                notifications.RaiseIncidentAssigned(db, IncidentJournal.Facts(after), ownerId, userId);
            }
        }

        var changes = IncidentFields.Diff(before, after);
        if (changes.Count > 0)
        {
            journal.Timeline(db, after.Id, TimelineKind.FieldChanged, now, userId,
                "Assessment changed: " + IncidentFields.Labels(changes.Keys) + ".");
            journal.Audit(db, actor, AuditEvent.Incident_FieldChanged, after.Id, changes);
        }
    }

    private void UpdateAssets(HelpdeskDb db, long id, string? text, DateTime now, long userId, AuditActor actor)
    {
        var wanted = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => a.Length > 200 ? a[..200] : a)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var current = db.IncidentAssets.Where(a => a.IncidentId == id).ToList();
        foreach (var asset in current.Where(a => !wanted.Contains(a.Name, StringComparer.OrdinalIgnoreCase)))
        {
            db.IncidentAssets.Delete(a => a.Id == asset.Id);
            journal.Audit(db, actor, AuditEvent.Incident_AssetRemoved, id, new { asset = asset.Name });
            journal.Timeline(db, id, TimelineKind.FieldChanged, now, userId, $"Affected asset removed: {asset.Name}.");
        }

        foreach (var name in wanted.Where(w => !current.Any(a => string.Equals(a.Name, w, StringComparison.OrdinalIgnoreCase))))
        {
            db.Insert(new IncidentAsset { IncidentId = id, Name = name, AddedAt = now });
            journal.Audit(db, actor, AuditEvent.Incident_AssetAdded, id, new { asset = name });
            journal.Timeline(db, id, TimelineKind.FieldChanged, now, userId, $"Affected asset added: {name}.");
        }
    }

    private static string Show(Severity? severity) => severity?.ToString() ?? "unset";
}
