using System.Text;

namespace HelpdeskLite.E2E.Day;

/// <summary>One ticket of the day as the form receives it.</summary>
public sealed record DayTicket(int Index, string Subject, string Description, string RequestType, string TopicGroup)
{
    public bool IsSuspiciousMail => Description.StartsWith("suspicious", StringComparison.Ordinal);
}

/// <summary>
/// Reads Day/Data/day-tickets.csv (two columns, Document and Topic_group, RFC 4180 quoting) and
/// turns each row into the fields of the ticket form.
/// </summary>
public static class DayTickets
{
    public const int SubjectWords = 8;
    public const int MaxSubjectLength = 200;

    /// <summary>Request type labels of the ticket form, by the data set's Topic_group.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequestTypes = new Dictionary<string, string>
    {
        ["Hardware"] = "Hardware",
        ["Purchase"] = "General",
        ["Access"] = "Access Requests",
        ["HR Support"] = "Account/Password",
        ["Administrative rights"] = "Software Installation",
        ["Storage"] = "Network/Internet",
        ["Internal Project"] = "General",
        ["Miscellaneous"] = "General",
    };

    public static IReadOnlyList<DayTicket> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Day", "Data", "day-tickets.csv");
        var rows = ParseCsv(File.ReadAllText(path)).Skip(1).ToList();
        return rows.Select((row, index) => ToTicket(index, row[0], row[1])).ToList();
    }

    public static string SubjectOf(string document)
    {
        var subject = string.Join(' ', document.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(SubjectWords));
        return subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength].TrimEnd() : subject;
    }

    private static DayTicket ToTicket(int index, string document, string group)
    {
        var type = RequestTypes.TryGetValue(group, out var label)
            ? label
            : throw new InvalidDataException($"Row {index + 2} of day-tickets.csv has an unknown Topic_group '{group}'.");
        return new DayTicket(index, SubjectOf(document), document, type, group);
    }

    private static List<string[]> ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                rows.Add([.. fields]);
                fields.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            rows.Add([.. fields]);
        }

        return rows;
    }
}
