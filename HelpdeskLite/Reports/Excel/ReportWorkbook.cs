using System.Globalization;
using ClosedXML.Excel;

namespace HelpdeskLite.Reports.Excel;

/// <summary>How a column's values are written and formatted.</summary>
public enum ColumnFormat
{
    Text,
    Count,
    Number,
    /// <summary>A fraction such as 0.875, shown as 87.5 %.</summary>
    Percent,
    DateTime,
    Date,
    /// <summary>A TimeSpan, shown as hours, minutes and seconds past 24 hours ([h]:mm:ss).</summary>
    Duration,
}

public sealed record ReportColumn(string Header, ColumnFormat Format = ColumnFormat.Text);

/// <summary>
/// A workbook of report tables built with ClosedXML: a summary sheet first, then one sheet per
/// table with a styled, frozen header row, an autofilter, real number, date and duration formats,
/// and column widths computed from the content. Meant for aggregated tables of at most a few
/// thousand rows; raw exports of whole lists use <see cref="XlsxStreamWriter"/>.
/// </summary>
public sealed class ReportWorkbook : IDisposable
{
    private const int MaxColumnWidth = 60;
    private const int MinColumnWidth = 8;
    private readonly XLWorkbook workbook = new();

    public ReportWorkbook(ReportSummary summary)
    {
        var sheet = workbook.AddWorksheet(ReportSummary.SheetName);
        var row = 1;
        foreach (var (label, value) in summary.Rows())
        {
            sheet.Cell(row, 1).Style.Font.Bold = true;
            SetText(sheet.Cell(row, 1), label);
            SetText(sheet.Cell(row, 2), value);
            row++;
        }

        sheet.Column(1).Width = 26;
        sheet.Column(2).Width = 60;
    }

    /// <summary>Adds a sheet; each row has one value per column, in the column's format.</summary>
    public void AddSheet(string name, IReadOnlyList<ReportColumn> columns, IEnumerable<IReadOnlyList<object?>> rows)
    {
        var sheet = workbook.AddWorksheet(SheetName(name));
        var widths = columns.Select(c => (double)c.Header.Length).ToArray();
        for (var c = 0; c < columns.Count; c++)
        {
            SetText(sheet.Cell(1, c + 1), columns[c].Header);
        }

        var rowNumber = 1;
        foreach (var row in rows)
        {
            rowNumber++;
            for (var c = 0; c < columns.Count; c++)
            {
                var value = c < row.Count ? row[c] : null;
                var shown = Write(sheet.Cell(rowNumber, c + 1), value, columns[c].Format);
                widths[c] = Math.Max(widths[c], shown);
            }
        }

        var header = sheet.Range(1, 1, 1, columns.Count);
        header.Style.Font.Bold = true;
        header.Style.Fill.BackgroundColor = XLColor.FromHtml("#DCE6F5");
        sheet.SheetView.FreezeRows(1);
        sheet.Range(1, 1, Math.Max(rowNumber, 1), columns.Count).SetAutoFilter();
        for (var c = 0; c < columns.Count; c++)
        {
            // Width in characters of the default font; AdjustToContents is not used because in
            // ClosedXML 0.95.4 it measures text with System.Drawing, which needs libgdiplus.
            sheet.Column(c + 1).Width = Math.Clamp(widths[c] + 2, MinColumnWidth, MaxColumnWidth);
        }
    }

    public void SaveAs(Stream output) => workbook.SaveAs(output);

    public void Dispose() => workbook.Dispose();

    /// <summary>Writes a value and returns the number of characters it shows, for the column width.</summary>
    private static int Write(IXLCell cell, object? value, ColumnFormat format)
    {
        switch (value)
        {
            case null:
                return 0;
            case TimeSpan duration:
                cell.SetValue(duration.TotalDays);
                cell.Style.NumberFormat.Format = "[h]:mm:ss";
                return ((int)duration.TotalHours).ToString(CultureInfo.InvariantCulture).Length + 6;
            case DateTime time:
                cell.SetValue(time);
                cell.Style.DateFormat.Format = format == ColumnFormat.Date ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm";
                return format == ColumnFormat.Date ? 10 : 16;
            case DateOnly date:
                cell.SetValue(date.ToDateTime(TimeOnly.MinValue));
                cell.Style.DateFormat.Format = "yyyy-mm-dd";
                return 10;
            case int or long or decimal or double or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                cell.SetValue(number);
                cell.Style.NumberFormat.Format = format switch
                {
                    ColumnFormat.Percent => "0.0%",
                    ColumnFormat.Count => "#,##0",
                    _ => "#,##0.00",
                };
                return format == ColumnFormat.Percent ? 7 : number.ToString("#,##0.00", CultureInfo.InvariantCulture).Length;
            default:
                var text = SafeCell.Clean(Convert.ToString(value, CultureInfo.InvariantCulture));
                SetText(cell, text);
                return LongestLine(text);
        }
    }

    /// <summary>
    /// Stores text as a string cell. ClosedXML 0.95.4 treats a value starting with "=" as a
    /// formula and parses numeric-looking text as a number, so the type is forced back to text,
    /// and formula-like text also gets the quote prefix that keeps spreadsheets from evaluating it.
    /// </summary>
    private static void SetText(IXLCell cell, string text)
    {
        var clean = SafeCell.Clean(text);
        cell.SetValue(clean);
        cell.DataType = XLDataType.Text;
        if (SafeCell.LooksLikeFormula(clean))
        {
            cell.FormulaA1 = null;
            cell.SetValue(clean);
            cell.DataType = XLDataType.Text;
            cell.Style.IncludeQuotePrefix = true;
        }
    }

    private static int LongestLine(string text)
    {
        var longest = 0;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            longest = Math.Max(longest, line.Length);
        }

        return longest;
    }

    /// <summary>Returns a valid sheet name: at most 31 characters, none of []:*?/\.</summary>
    private static string SheetName(string name)
    {
        var clean = new string(name.Where(c => "[]:*?/\\".IndexOf(c) < 0 && !char.IsControl(c)).ToArray());
        if (clean.Length == 0)
        {
            return "Sheet";
        }

        return clean.Length > 31 ? clean[..31] : clean;
    }
}
