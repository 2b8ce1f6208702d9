using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Writes timeline entries and audit entries for incident changes, inside their transaction.</summary>
public sealed class IncidentJournal(AuditLog audit)
{
    public const string IncidentEntity = "incident";
    public const string EvidenceEntity = "incident_evidence";

    /// <summary>
    /// Adds an automatic timeline entry recorded now. It is placed at <paramref name="occurredAt"/>
    /// when the change took effect earlier, such as a containment entered after the fact.
    /// </summary>
    public void Timeline(
        HelpdeskDb db, long incidentId, TimelineKind kind, DateTime now, long? authorId, string body, DateTime? occurredAt = null) =>
        db.Insert(new TimelineEntry
        {
            IncidentId = incidentId,
            Kind = kind,
            OccurredAt = occurredAt ?? now,
            RecordedAt = now,
            AuthorId = authorId,
            Body = body,
        });

    public void Audit(HelpdeskDb db, AuditActor actor, AuditEvent action, long incidentId, object? details = null) =>
        audit.Append(db, actor, action, IncidentEntity, Key(incidentId), details);

    public void AuditEvidence(HelpdeskDb db, AuditActor actor, AuditEvent action, long evidenceId, object? details) =>
        audit.Append(db, actor, action, EvidenceEntity, Key(evidenceId), details);

    /// <summary>The facts a notification to security staff may quote.</summary>
    public static IncidentFacts Facts(Incident incident) => new(incident.Id, incident.NumberText, incident.Title);

    public static string Key(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Bumps the row version if it still matches, so of two writers working from the same page
    /// only the first succeeds. Returns false for a stale version.
    /// </summary>
    public static bool Claim(HelpdeskDb db, long incidentId, int rowVersion, DateTime now) =>
        db.Incidents.Where(i => i.Id == incidentId && i.RowVersion == rowVersion)
            .Set(i => i.RowVersion, i => i.RowVersion + 1)
            .Set(i => i.UpdatedAt, now)
            .Update() == 1;
}
