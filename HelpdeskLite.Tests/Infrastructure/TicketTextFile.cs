using Microsoft.VisualBasic.FileIO;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>
/// Reads a sample of the public ticket data set: a CSV file with the header
/// "Document,Topic_group" and RFC 4180 quoting. Shared by the acceptance day and the benchmarks.
/// </summary>
public static class TicketTextFile
{
    /// <summary>Returns each row with a non-empty text as (text, topic group), in file order.</summary>
    public static List<(string Text, string Topic)> Read(string path)
    {
        using var parser = new TextFieldParser(path) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields();
        if (header is not ["Document", "Topic_group"])
        {
            throw new InvalidDataException(
                $"{path} starts with \"{string.Join(',', header ?? [])}\"; expected the header \"Document,Topic_group\".");
        }

        var rows = new List<(string, string)>();
        while (parser.ReadFields() is { } fields)
        {
            if (fields.Length != 2)
            {
                throw new InvalidDataException($"Line {parser.LineNumber} of {path} has {fields.Length} fields; expected 2.");
            }

            if (fields[0].Length > 0)
            {
                rows.Add((fields[0], fields[1]));
            }
        }

        return rows;
    }
}
