using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>
/// Reads and replaces playbooks. A playbook is edited as text, one task a line; a line starting
/// with "Corrective:" is a corrective task, any other line an investigation task.
/// </summary>
public sealed class PlaybookCommands(HelpdeskDbFactory dbs, AuditLog audit)
{
    public const string CorrectivePrefix = "Corrective:";

    public IReadOnlyDictionary<IncidentCategory, string> LoadAll()
    {
        using var db = dbs.Open();
        var steps = db.PlaybookSteps.OrderBy(s => s.Category).ThenBy(s => s.Position).ToList();
        return Enum.GetValues<IncidentCategory>().ToDictionary(c => c, c => Format(steps.Where(s => s.Category == c)));
    }

    public string? Save(IncidentCategory category, string? text, AuditActor actor)
    {
        if (!Enum.IsDefined(category))
        {
            return "Choose a category from the list.";
        }

        var steps = Parse(text);
        if (steps.Count > 50 || steps.Any(s => s.Title.Length > 300))
        {
            return "A playbook has at most 50 tasks of up to 300 characters each.";
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = Format(db.PlaybookSteps.Where(s => s.Category == category).OrderBy(s => s.Position).ToList());
        db.PlaybookSteps.Delete(s => s.Category == category);
        for (var i = 0; i < steps.Count; i++)
        {
            db.Insert(new PlaybookStep { Category = category, Position = i + 1, Kind = steps[i].Kind, Title = steps[i].Title });
        }

        var after = Format(db.PlaybookSteps.Where(s => s.Category == category).OrderBy(s => s.Position).ToList());
        if (before != after)
        {
            audit.Append(db, actor, AuditEvent.Incident_PlaybookChanged, "incident_playbook", category.ToString(),
                AuditLog.Change("steps", before, after));
        }

        transaction.Commit();
        return null;
    }

    public static List<(IncidentTaskKind Kind, string Title)> Parse(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.StartsWith(CorrectivePrefix, StringComparison.OrdinalIgnoreCase)
                ? (IncidentTaskKind.Corrective, line[CorrectivePrefix.Length..].Trim())
                : (IncidentTaskKind.Investigation, line))
            .Where(step => step.Item2.Length > 0)
            .ToList();

    private static string Format(IEnumerable<PlaybookStep> steps) =>
        string.Join('\n', steps.Select(s => s.Kind == IncidentTaskKind.Corrective ? $"{CorrectivePrefix} {s.Title}" : s.Title));
}
