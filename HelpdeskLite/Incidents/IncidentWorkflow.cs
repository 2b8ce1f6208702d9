using HelpdeskLite.Data;

namespace HelpdeskLite.Incidents;

/// <summary>What a transition needs besides the incident's own fields.</summary>
public enum TransitionNeeds
{
    None,
    Containment,
    Recovery,
    ReopenReason,
    FalsePositiveReason,
}

/// <summary>One allowed move of the incident workflow, and who may make it.</summary>
public sealed record IncidentTransition(
    IncidentStatus From,
    IncidentStatus To,
    string Label,
    IReadOnlyList<Role> Roles,
    TransitionNeeds Needs);

/// <summary>
/// The incident workflow as one table. The server checks every transition against it, and pages
/// offer only the transitions it allows for the viewer's role.
/// </summary>
public static class IncidentWorkflow
{
    private static readonly Role[] Responders = [Role.SecurityOfficer, Role.Admin];

    public static IReadOnlyList<IncidentTransition> Transitions { get; } =
    [
        new(IncidentStatus.New, IncidentStatus.Triaged, "Triage", Responders, TransitionNeeds.None),
        new(IncidentStatus.Triaged, IncidentStatus.Investigating, "Start investigation", Responders, TransitionNeeds.None),
        new(IncidentStatus.Investigating, IncidentStatus.Contained, "Mark contained", Responders, TransitionNeeds.Containment),
        new(IncidentStatus.Contained, IncidentStatus.Recovered, "Mark recovered", Responders, TransitionNeeds.Recovery),
        new(IncidentStatus.Recovered, IncidentStatus.Closed, "Close", Responders, TransitionNeeds.None),
        new(IncidentStatus.Closed, IncidentStatus.Investigating, "Reopen", Responders, TransitionNeeds.ReopenReason),

        // A report that turns out to be harmless ends here, before any investigation starts.
        new(IncidentStatus.New, IncidentStatus.Closed, "Close as false positive", Responders,
            TransitionNeeds.FalsePositiveReason),
        new(IncidentStatus.Triaged, IncidentStatus.Closed, "Close as false positive", Responders,
            TransitionNeeds.FalsePositiveReason),
    ];

    public static IncidentTransition? Find(IncidentStatus from, IncidentStatus to) =>
        Transitions.FirstOrDefault(t => t.From == from && t.To == to);

    public static bool IsAllowed(IncidentStatus from, IncidentStatus to, Role role) =>
        Find(from, to)?.Roles.Contains(role) == true;

    public static IEnumerable<IncidentTransition> AvailableFrom(IncidentStatus from, Role role) =>
        Transitions.Where(t => t.From == from && t.Roles.Contains(role));

    /// <summary>
    /// Lists what the incident still lacks for the target status; empty when nothing is missing.
    /// Containment and recovery details come with the transition, so they are checked on the
    /// values about to be written. A false-positive closure needs only its reason, which the
    /// transition itself checks, so it lacks nothing here.
    /// </summary>
    public static IReadOnlyList<string> Missing(
        Incident incident, IncidentStatus to, IReadOnlyCollection<IncidentTask> tasks)
    {
        var missing = new List<string>();
        switch (to)
        {
            case IncidentStatus.Triaged:
                Require(missing, incident.Category is not null, "a category");
                Require(missing, incident.Severity is not null, "a severity");
                Require(missing, incident.OwnerId is not null, "an owner");
                break;
            case IncidentStatus.Contained:
                Require(missing, !string.IsNullOrWhiteSpace(incident.ContainmentActions), "the containment actions");
                Require(missing, incident.ContainedAt is not null, "the time containment took effect");
                break;
            case IncidentStatus.Recovered:
                Require(missing, !string.IsNullOrWhiteSpace(incident.RecoveryActions), "the recovery actions");
                Require(missing, incident.RecoveredAt is not null, "the time recovery was completed");
                break;
            case IncidentStatus.Closed when incident.FalsePositive:
                break;
            case IncidentStatus.Closed:
                Require(missing, !string.IsNullOrWhiteSpace(incident.RootCause), "the root cause");
                Require(missing, !string.IsNullOrWhiteSpace(incident.ContributingFactors), "the contributing factors");
                Require(missing, !string.IsNullOrWhiteSpace(incident.LessonsLearned), "the lessons learned");
                Require(missing, tasks.Any(t => t.Kind == IncidentTaskKind.Corrective),
                    "at least one corrective action, with an owner and a due date");
                foreach (var task in tasks.Where(t => t.Kind == IncidentTaskKind.Corrective))
                {
                    Require(missing, task.OwnerId is not null, $"an owner for the corrective action \"{task.Title}\"");
                    Require(missing, task.DueDate is not null, $"a due date for the corrective action \"{task.Title}\"");
                }

                break;
        }

        return missing;
    }

    /// <summary>The NIST SP 800-61 Rev. 2 incident response phase a status belongs to.</summary>
    public static string NistPhase(IncidentStatus status) => status switch
    {
        IncidentStatus.New or IncidentStatus.Triaged or IncidentStatus.Investigating => "Detection & Analysis",
        IncidentStatus.Contained or IncidentStatus.Recovered => "Containment, Eradication & Recovery",
        _ => "Post-Incident Activity",
    };

    /// <summary>The ISO/IEC 27035-1:2016 incident management phase a status belongs to.</summary>
    public static string IsoPhase(IncidentStatus status) => status switch
    {
        IncidentStatus.New => "Detection and reporting",
        IncidentStatus.Triaged => "Assessment and decision",
        IncidentStatus.Investigating or IncidentStatus.Contained or IncidentStatus.Recovered => "Responses",
        _ => "Lessons learnt",
    };

    private static void Require(List<string> missing, bool present, string what)
    {
        if (!present)
        {
            missing.Add(what);
        }
    }
}
