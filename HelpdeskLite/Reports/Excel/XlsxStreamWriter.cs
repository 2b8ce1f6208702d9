using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HelpdeskLite.Reports.Excel;

/// <summary>A column of a streamed sheet: its header and width in characters.</summary>
public sealed record XlsxColumn(string Header, double Width);

/// <summary>
/// Writes a one-sheet workbook row by row with OpenXmlWriter, so memory does not grow with the
/// row count (ClosedXML 0.95.4 builds the whole workbook in memory). Text goes through
/// <see cref="SafeCell"/>; formula-like text is written as an inline string with the quote
/// prefix style, so spreadsheets show it as text and never evaluate it.
/// Dispose finishes the file.
/// </summary>
public sealed class XlsxStreamWriter : IDisposable
{
    private const uint TextStyle = 0;
    private const uint QuotedTextStyle = 1;
    private const uint HeaderStyle = 2;
    private const uint TimeStyle = 3;

    private readonly SpreadsheetDocument document;
    private readonly WorkbookPart workbook;
    private readonly WorksheetPart sheet;
    private readonly OpenXmlWriter writer;
    private readonly string sheetName;
    private uint rowIndex;
    private bool finished;

    public XlsxStreamWriter(Stream output, string sheetName, IReadOnlyList<XlsxColumn> columns)
    {
        this.sheetName = sheetName;
        document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        workbook = document.AddWorkbookPart();
        workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        sheet = workbook.AddNewPart<WorksheetPart>();
        writer = OpenXmlWriter.Create(sheet);

        writer.WriteStartElement(new Worksheet());
        writer.WriteStartElement(new SheetViews());
        writer.WriteElement(new SheetView(new Pane
        {
            VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen,
        }) { WorkbookViewId = 0 });
        writer.WriteEndElement();
        writer.WriteStartElement(new Columns());
        for (var i = 0; i < columns.Count; i++)
        {
            var index = (uint)(i + 1);
            writer.WriteElement(new Column { Min = index, Max = index, Width = columns[i].Width, CustomWidth = true });
        }

        writer.WriteEndElement();
        writer.WriteStartElement(new SheetData());
        WriteRow(columns.Select(c => (object?)c.Header).ToArray(), HeaderStyle);
    }

    public long RowsWritten => Math.Max(0, rowIndex - 1);

    /// <summary>Writes one row; values may be text, whole or decimal numbers, UTC or local times, or null.</summary>
    public void WriteRow(params object?[] values) => WriteRow(values, TextStyle);

    public void Dispose()
    {
        if (!finished)
        {
            finished = true;
            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.Close();
            workbook.Workbook = new Workbook(new Sheets(new Sheet
            {
                Id = workbook.GetIdOfPart(sheet), SheetId = 1, Name = sheetName,
            }));
        }

        document.Dispose();
    }

    private void WriteRow(object?[] values, uint textStyle)
    {
        rowIndex++;
        writer.WriteStartElement(new Row(), [new OpenXmlAttribute("r", "", rowIndex.ToString(CultureInfo.InvariantCulture))]);
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
                writer.WriteElement(new Cell());
                break;
            case int or long or decimal or double:
                writer.WriteElement(new Cell(new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!))
                {
                    DataType = CellValues.Number,
                });
                break;
            case DateTime time:
                writer.WriteElement(new Cell(new CellValue(time.ToOADate().ToString(CultureInfo.InvariantCulture)))
                {
                    StyleIndex = TimeStyle,
                });
                break;
            default:
                var text = SafeCell.Clean(Convert.ToString(value, CultureInfo.InvariantCulture));
                var style = textStyle == TextStyle && SafeCell.LooksLikeFormula(text) ? QuotedTextStyle : textStyle;
                writer.WriteElement(new Cell(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
                {
                    DataType = CellValues.InlineString,
                    StyleIndex = style,
                });
                break;
        }
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd hh:mm:ss" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { QuotePrefix = true, ApplyAlignment = false },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true }) { Count = 4 });
}
