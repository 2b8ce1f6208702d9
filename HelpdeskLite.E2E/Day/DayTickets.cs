using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.E2E.Day;

/// <summary>One ticket of the day as the form receives it.</summary>
public sealed record DayTicket(int Index, string Subject, string Description, string RequestType, string TopicGroup)
{
    public bool IsSuspiciousMail => Description.StartsWith("suspicious", StringComparison.Ordinal);
}

/// <summary>
/// Reads Day/Data/day-tickets.csv (two columns, Document and Topic_group) and turns each row into
/// the fields of the ticket form.
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
        return TicketTextFile.Read(path).Select((row, index) => ToTicket(index, row.Text, row.Topic)).ToList();
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
}
