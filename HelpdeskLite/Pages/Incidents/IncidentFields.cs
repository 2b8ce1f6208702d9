using HelpdeskLite.Audit;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Lists the plain fields that differ between two versions of an incident, for the audit log.</summary>
public static class IncidentFields
{
    private static readonly (string Name, Func<Incident, object?> Read)[] Fields =
    [
        ("title", i => i.Title),
        ("category", i => i.Category?.ToString()),
        ("confidentiality", i => i.Confidentiality.ToString()),
        ("integrity", i => i.Integrity.ToString()),
        ("availability", i => i.Availability.ToString()),
        ("usersAffected", i => i.UsersAffected),
        ("systemsAffected", i => i.SystemsAffected),
        ("scopeNote", i => i.ScopeNote),
        ("personalData", i => i.PersonalData),
        ("detectionSource", i => i.DetectionSource),
        ("tlp", i => i.Tlp?.ToString()),
        ("occurredAt", i => Time(i.OccurredAt)),
        ("detectedAt", i => Time(i.DetectedAt)),
        ("containmentActions", i => i.ContainmentActions),
        ("containedAt", i => Time(i.ContainedAt)),
        ("recoveryActions", i => i.RecoveryActions),
        ("recoveredAt", i => Time(i.RecoveredAt)),
        ("rootCause", i => i.RootCause),
        ("contributingFactors", i => i.ContributingFactors),
        ("lessonsLearned", i => i.LessonsLearned),
        ("falsePositive", i => i.FalsePositive),
        ("falsePositiveReason", i => i.FalsePositiveReason),
    ];

    public static Dictionary<string, object?> Diff(Incident before, Incident after)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var (name, read) in Fields)
        {
            var (from, to) = (read(before), read(after));
            if (!Equals(from, to))
            {
                changes[name] = AuditLog.Change(name, from, to)[name];
            }
        }

        return changes;
    }

    private static string? Time(DateTime? utc) => utc is { } value ? AuditMac.FormatTime(value) : null;
}
