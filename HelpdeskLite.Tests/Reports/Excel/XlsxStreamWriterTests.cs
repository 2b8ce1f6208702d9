using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Tests.Reports.Excel;

public sealed class XlsxStreamWriterTests
{
    [Fact]
    public void Formula_like_text_is_written_as_quoted_text()
    {
        using var stream = new MemoryStream();

        using (var writer = new XlsxStreamWriter(stream, "Sheet", [new("A", 10), new("B", 10)]))
        {
            writer.WriteRow("=HYPERLINK(\"http://x\")", 42L);
        }

        var (cells, styles) = Read(stream);
        var formula = cells[2][0];
        Assert.Equal(CellValues.InlineString, formula.DataType?.Value);
        Assert.Null(formula.CellFormula);
        Assert.Equal("=HYPERLINK(\"http://x\")", formula.InlineString?.Text?.Text);
        Assert.True(styles[(int)formula.StyleIndex!.Value].QuotePrefix?.Value);
        Assert.Equal("42", cells[2][1].CellValue?.Text);
    }

    [Fact]
    public void Header_row_comes_first()
    {
        using var stream = new MemoryStream();

        using (var writer = new XlsxStreamWriter(stream, "Sheet", [new("Seq", 10)]))
        {
            writer.WriteRow(1L);
            writer.WriteRow(2L);
        }

        var (cells, _) = Read(stream);
        Assert.Equal("Seq", cells[1][0].InlineString?.Text?.Text);
        Assert.Equal(3, cells.Count);
    }

    internal static (Dictionary<uint, List<Cell>> Cells, List<CellFormat> Styles) Read(Stream stream)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.WorksheetParts.Single().Worksheet;
        var cells = sheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value, r => r.Elements<Cell>().ToList());
        var styles = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return (cells, styles);
    }
}
