using System.Globalization;
using HelpdeskLite.Hosting;

namespace HelpdeskLite.Reports.Excel;

/// <summary>
/// What the first sheet of every exported workbook states: which report, who ran it, when, with
/// which filters and in which time zone its times are shown.
/// </summary>
public sealed record ReportSummary(
    string Report,
    string RanBy,
    DateTime RanAtUtc,
    TimeZoneInfo Zone,
    IReadOnlyList<KeyValuePair<string, string>> Filters)
{
    public const string SheetName = "Summary";

    /// <summary>Returns the label and value rows of the summary sheet, in order.</summary>
    public IReadOnlyList<(string Label, string Value)> Rows()
    {
        var ranAt = RanAtUtc.ToLocal(Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var rows = new List<(string, string)>
        {
            ("Report", Report),
            ("Run by", RanBy),
            ("Run at", $"{ranAt} ({Zone.Id})"),
            ("Time zone of all times", Zone.Id),
        };
        if (Filters.Count == 0)
        {
            rows.Add(("Filters", "none"));
        }

        foreach (var (name, value) in Filters)
        {
            rows.Add(($"Filter: {name}", value));
        }

        return rows;
    }
}
