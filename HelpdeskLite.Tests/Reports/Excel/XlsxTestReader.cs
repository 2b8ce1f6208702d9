using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HelpdeskLite.Tests.Reports.Excel;

/// <summary>Reads back the data sheet (the last sheet) of a workbook a test downloaded.</summary>
internal static class XlsxTestReader
{
    public static (Dictionary<uint, List<Cell>> Cells, List<CellFormat> Styles) Read(Stream stream)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var lastSheet = workbook.Workbook.Sheets!.Elements<Sheet>().Last();
        var sheet = ((WorksheetPart)workbook.GetPartById(lastSheet.Id!.Value!)).Worksheet;
        var cells = sheet.Descendants<Row>().ToDictionary(r => r.RowIndex!.Value, r => r.Elements<Cell>().ToList());
        var styles = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToList();
        return (cells, styles);
    }
}
