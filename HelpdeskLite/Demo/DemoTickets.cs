using HelpdeskLite.Tickets;

namespace HelpdeskLite.Demo;

/// <summary>One ticket text of the embedded data set, ready for the new-ticket form.</summary>
internal sealed record DemoTicketText(string Subject, string Description, RequestType RequestType);

/// <summary>Reads the embedded ticket texts and maps their topic groups onto request types.</summary>
internal static class DemoTickets
{
    public const string ResourceName = "HelpdeskLite.Demo.demo-tickets.csv";
    private const int SubjectWords = 7;

    public static IReadOnlyList<DemoTicketText> Load()
    {
        using var stream = typeof(DemoTickets).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var header = reader.ReadLine();
        if (header != "Document,Topic_group")
        {
            throw new InvalidOperationException($"{ResourceName} has the header \"{header}\"; expected \"Document,Topic_group\".");
        }

        var texts = new List<DemoTicketText>();
        while (reader.ReadLine() is { } line)
        {
            // No field of the shipped file contains a comma or a quote, so the topic follows the last comma.
            var comma = line.LastIndexOf(',');
            if (comma <= 0)
            {
                continue;
            }

            var document = line[..comma].Trim();
            var topic = line[(comma + 1)..].Trim();
            texts.Add(new DemoTicketText(SubjectOf(document), document, TypeOf(topic, document)));
        }

        return texts;
    }

    /// <summary>Derives a subject from the first words, which the publisher kept from the original subject line.</summary>
    public static string SubjectOf(string document)
    {
        var words = document.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(SubjectWords).ToArray();
        var subject = string.Join(' ', words);
        return subject.Length == 0 ? "Request" : char.ToUpperInvariant(subject[0]) + subject[1..];
    }

    public static RequestType TypeOf(string topic, string document) => topic switch
    {
        "Hardware" => RequestType.Hardware,
        "Access" when Mentions(document, "password", "reset", "locked") => RequestType.AccountPassword,
        "Access" or "Administrative rights" => RequestType.AccessRequests,
        "Purchase" when Mentions(document, "licence", "license", "software", "install") => RequestType.SoftwareInstallation,
        "Purchase" => RequestType.Hardware,
        "Storage" or "Miscellaneous" when Mentions(document, "network", "internet", "vpn", "wifi", "connection", "drive") =>
            RequestType.NetworkInternet,
        _ => RequestType.General,
    };

    private static bool Mentions(string text, params string[] words) =>
        words.Any(word => text.Contains(word, StringComparison.OrdinalIgnoreCase));
}
