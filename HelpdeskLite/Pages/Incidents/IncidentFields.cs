using HelpdeskLite.Audit;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>
/// Lists the plain fields that differ between two versions of an incident: by their names for the
/// audit log, by their labels for the timeline.
/// </summary>
public static class IncidentFields
{
    private static readonly (string Name, string Label, Func<Incident, object?> Read)[] Fields =
    [
        ("title", "title", i => i.Title),
        ("category", "category", i => i.Category?.ToString()),
        ("confidentiality", "confidentiality", i => i.Confidentiality.ToString()),
        ("integrity", "integrity", i => i.Integrity.ToString()),
        ("availability", "availability", i => i.Availability.ToString()),
        ("usersAffected", "users affected", i => i.UsersAffected),
        ("systemsAffected", "systems affected", i => i.SystemsAffected),
        ("scopeNote", "scope note", i => i.ScopeNote),
        ("personalData", "personal data", i => i.PersonalData),
        ("detectionSource", "detection source", i => i.DetectionSource),
        ("tlp", "TLP", i => i.Tlp?.ToString()),
        ("occurredAt", "occurred time", i => Time(i.OccurredAt)),
        ("detectedAt", "detected time", i => Time(i.DetectedAt)),
        ("containmentActions", "containment actions", i => i.ContainmentActions),
        ("containedAt", "containment time", i => Time(i.ContainedAt)),
        ("recoveryActions", "recovery actions", i => i.RecoveryActions),
        ("recoveredAt", "recovery time", i => Time(i.RecoveredAt)),
        ("rootCause", "root cause", i => i.RootCause),
        ("contributingFactors", "contributing factors", i => i.ContributingFactors),
        ("lessonsLearned", "lessons learned", i => i.LessonsLearned),
        ("falsePositive", "false positive", i => i.FalsePositive),
        ("falsePositiveReason", "false-positive reason", i => i.FalsePositiveReason),
    ];

    public static Dictionary<string, object?> Diff(Incident before, Incident after)
    {
        var changes = new Dictionary<string, object?>();
        foreach (var (name, _, read) in Fields)
        {
            var (from, to) = (read(before), read(after));
            if (!Equals(from, to))
            {
                changes[name] = AuditLog.Change(name, from, to)[name];
            }
        }

        return changes;
    }

    /// <summary>Returns the labels of the named fields as a list for people, such as "users affected, TLP".</summary>
    public static string Labels(IEnumerable<string> names) =>
        string.Join(", ", names.Select(name => Fields.FirstOrDefault(f => f.Name == name).Label ?? name));

    private static string? Time(DateTime? utc) => utc is { } value ? AuditMac.FormatTime(value) : null;
}
