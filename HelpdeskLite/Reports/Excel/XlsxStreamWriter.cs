using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HelpdeskLite.Reports.Excel;

/// <summary>A column of a streamed sheet: its header and width in characters.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>
/// Writes a workbook's data sheet row by row with an XmlWriter straight into its zip entry, so
/// memory stays flat however many rows are written. ClosedXML 0.95.4 keeps the whole workbook in
/// memory, and the Open XML SDK's package keeps each part until the file is closed.
/// On Dispose the SDK builds the small parts (workbook, styles, summary sheet, relationships),
/// which are copied into the same zip. Text goes through <see cref="SafeCell"/>, and formula-like
/// text gets the quote-prefix style, so spreadsheets show it as text and never evaluate it.
/// The header row is bold, frozen and carries an autofilter. An optional summary sheet comes first.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const uint TextStyle = 0;
    private const uint QuotedTextStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint TimeStyle = 3;
    private const uint DurationStyle = 4;
    private const uint DateStyle = 5;

    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // The SDK names the first worksheet part it creates sheet1.xml, and the data sheet is created
    // first. Dispose checks this, so a different naming fails loudly instead of writing a broken file.
    private const string DataSheetEntry = "xl/worksheets/sheet1.xml";

    private readonly ZipArchive archive;
    private readonly ReportSummary? summary;
    private readonly Stream sheetStream;
    private readonly XmlWriter writer;
    private readonly string sheetName;
    private readonly int columnCount;
    private uint rowIndex;
    private bool finished;

    public XlsxStreamWriter(
        Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns, ReportSummary? summary = null)
    {
        this.sheetName = sheetName;
        this.summary = summary;
        columnCount = columns.Count;
        archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        sheetStream = archive.CreateEntry(DataSheetEntry, CompressionLevel.Optimal).Open();
        writer = XmlWriter.Create(sheetStream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });

        writer.WriteStartDocument(standalone: true);
        writer.WriteStartElement("worksheet", MainNamespace);
        writer.WriteStartElement("sheetViews");
        writer.WriteStartElement("sheetView");
        writer.WriteAttributeString("workbookViewId", "0");
        writer.WriteStartElement("pane");
        writer.WriteAttributeString("ySplit", "1");
        writer.WriteAttributeString("topLeftCell", "A2");
        writer.WriteAttributeString("activePane", "bottomLeft");
        writer.WriteAttributeString("state", "frozen");
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteStartElement("cols");
        for (var i = 0; i < columns.Count; i++)
        {
            var index = (i + 1).ToString(CultureInfo.InvariantCulture);
            writer.WriteStartElement("col");
            writer.WriteAttributeString("min", index);
            writer.WriteAttributeString("max", index);
            writer.WriteAttributeString("width", columns[i].Width.ToString(CultureInfo.InvariantCulture));
            writer.WriteAttributeString("customWidth", "1");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteStartElement("sheetData");
        WriteRow(columns.Select(c => (object?)c.Header).ToArray(), HeaderStyle);
    }

    public long RowsWritten => Math.Max(0, rowIndex - 1);

    /// <summary>
    /// Writes one row. Values may be text, numbers, UTC or local times (written as they are),
    /// dates, durations, true/false or null.
    /// </summary>
    public void WriteRow(params object?[] values) => WriteRow(values, TextStyle);

    public void Dispose()
    {
        if (finished)
        {
            return;
        }

        finished = true;
        writer.WriteEndElement();
        var range = $"A1:{ColumnName(columnCount)}{Math.Max(rowIndex, 1)}";
        writer.WriteStartElement("autoFilter");
        writer.WriteAttributeString("ref", range);
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.Dispose();
        sheetStream.Dispose();

        using (var parts = new MemoryStream())
        {
            WriteOtherParts(parts, range);
            parts.Position = 0;
            using var built = new ZipArchive(parts, ZipArchiveMode.Read);
            foreach (var entry in built.Entries.Where(e => e.FullName != DataSheetEntry))
            {
                using var source = entry.Open();
                using var target = archive.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                source.CopyTo(target);
            }
        }

        archive.Dispose();
    }

    /// <summary>Returns the spreadsheet name of a 1-based column number, such as 28 → "AB".</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        for (var n = Math.Max(number, 1); n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    /// <summary>
    /// Builds the workbook with an empty data sheet, whose part is then replaced by the streamed
    /// entry. The sheets are listed summary first, whatever order their parts were created in.
    /// </summary>
    private void WriteOtherParts(Stream parts, string range)
    {
        using var document = SpreadsheetDocument.Create(parts, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var data = workbook.AddNewPart<WorksheetPart>();
        data.Worksheet = new Worksheet(new SheetData());
        if (data.Uri.OriginalString.TrimStart('/') != DataSheetEntry)
        {
            throw new InvalidOperationException(
                $"The data sheet part is {data.Uri}, not /{DataSheetEntry}: the streamed sheet would not be linked.");
        }

        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheets = new Sheets();
        uint id = 1;
        if (summary is not null)
        {
            var summarySheet = workbook.AddNewPart<WorksheetPart>();
            summarySheet.Worksheet = SummaryWorksheet(summary);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(summarySheet), SheetId = id++, Name = ReportSummary.SheetName });
        }

        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = id, Name = sheetName });
        workbook.Workbook = new Workbook(sheets, FilterName(range));
    }

    /// <summary>Names the filtered range as Excel does, so it opens with the filter buttons active.</summary>
    private DefinedNames FilterName(string range)
    {
        var parts = range.Split(':');
        var absolute = $"'{sheetName.Replace("'", "''", StringComparison.Ordinal)}'!${Split(parts[0])}:${Split(parts[1])}";
        return new DefinedNames(new DefinedName(absolute)
        {
            Name = "_xlnm._FilterDatabase", LocalSheetId = summary is null ? 0u : 1u, Hidden = true,
        });

        static string Split(string cell)
        {
            var digits = 0;
            while (!char.IsAsciiDigit(cell[digits]))
            {
                digits++;
            }

            return $"{cell[..digits]}${cell[digits..]}";
        }
    }

    private void WriteRow(object?[] values, uint textStyle)
    {
        rowIndex++;
        writer.WriteStartElement("row");
        writer.WriteAttributeString("r", rowIndex.ToString(CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            WriteCell(value, textStyle);
        }

        writer.WriteEndElement();
    }

    private void WriteCell(object? value, uint textStyle)
    {
        switch (value)
        {
            case null:
                writer.WriteStartElement("c");
                writer.WriteEndElement();
                break;
            case int or long or decimal or double or float:
                WriteNumber(Convert.ToString(value, CultureInfo.InvariantCulture)!, null);
                break;
            case DateTime time:
                WriteNumber(time.ToOADate().ToString(CultureInfo.InvariantCulture), TimeStyle);
                break;
            case DateOnly date:
                WriteNumber(date.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture), DateStyle);
                break;
            case TimeSpan duration:
                WriteNumber(duration.TotalDays.ToString(CultureInfo.InvariantCulture), DurationStyle);
                break;
            case bool flag:
                writer.WriteStartElement("c");
                writer.WriteAttributeString("t", "b");
                writer.WriteElementString("v", flag ? "1" : "0");
                writer.WriteEndElement();
                break;
            default:
                WriteText(Convert.ToString(value, CultureInfo.InvariantCulture), textStyle);
                break;
        }
    }

    private void WriteNumber(string number, uint? style)
    {
        writer.WriteStartElement("c");
        if (style is { } index)
        {
            writer.WriteAttributeString("s", StyleText(index));
        }

        writer.WriteElementString("v", number);
        writer.WriteEndElement();
    }

    /// <summary>Writes an inline string cell. Formula-like text gets the quote-prefix style, so it stays text.</summary>
    private void WriteText(string? value, uint textStyle)
    {
        var text = SafeCell.Clean(value);
        var style = textStyle == TextStyle && SafeCell.LooksLikeFormula(text) ? QuotedTextStyle : textStyle;
        writer.WriteStartElement("c");
        writer.WriteAttributeString("t", "inlineStr");
        if (style != TextStyle)
        {
            writer.WriteAttributeString("s", StyleText(style));
        }

        writer.WriteStartElement("is");
        writer.WriteStartElement("t");
        writer.WriteAttributeString("xml", "space", null, "preserve");
        writer.WriteString(SafeCell.EscapeOpenXmlCodes(text));
        writer.WriteEndElement();
        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    private static string StyleText(uint style) => style switch
    {
        QuotedTextStyle => "1",
        HeaderStyle => "2",
        TimeStyle => "3",
        DurationStyle => "4",
        DateStyle => "5",
        _ => style.ToString(CultureInfo.InvariantCulture),
    };

    private static Cell TextCell(string? value, uint textStyle)
    {
        var text = SafeCell.Clean(value);
        var style = textStyle == TextStyle && SafeCell.LooksLikeFormula(text) ? QuotedTextStyle : textStyle;
        var escaped = SafeCell.EscapeOpenXmlCodes(text);
        return new Cell(new InlineString(new Text(escaped) { Space = SpaceProcessingModeValues.Preserve }))
        {
            DataType = CellValues.InlineString,
            StyleIndex = style,
        };
    }

    private static Worksheet SummaryWorksheet(ReportSummary summary)
    {
        var data = new SheetData();
        uint index = 0;
        foreach (var (label, value) in summary.Rows())
        {
            index++;
            data.Append(new Row(TextCell(label, HeaderStyle), TextCell(value, TextStyle)) { RowIndex = index });
        }

        return new Worksheet(
            new Columns(
                new Column { Min = 1, Max = 1, Width = 26, CustomWidth = true },
                new Column { Min = 2, Max = 2, Width = 60, CustomWidth = true }),
            data);
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "[h]:mm:ss" },
            new NumberingFormat { NumberFormatId = 166, FormatCode = "yyyy-mm-dd" }) { Count = 3 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFDCE6F5" }) { PatternType = PatternValues.Solid }))
        { Count = 3 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { QuotePrefix = true, ApplyAlignment = false },
            new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 166, ApplyNumberFormat = true }) { Count = 6 });
}
