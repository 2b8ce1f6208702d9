using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace HelpdeskLite.Tests.Reports.Excel;

/// <summary>Text that must come back from a workbook exactly as written, and never as a formula.</summary>
public static class HostileCells
{
    public static readonly string[] FormulaLike =
    [
        "=1+1",
        "=HYPERLINK(\"http://127.0.0.1/x\",\"click\")",
        "+SUM(A1:A2)",
        "-2+3",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
        "=cmd|' /C calc'!A0",
    ];

    /// <summary>Returns the text as a cell keeps it: line breaks stored as LF.</summary>
    public static string Stored(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    public static readonly string[] Literal =
    [
        "_x0000_",
        "_x0041_ and _X0042_",
        "plain _x00 text",
        "Zoë 🛠️ 𠜎",
        "12345",
        "line one\nline two",
    ];
    /// <summary>Returns the number stored in a cell, read from the file's XML.</summary>
    public static double RawNumber(Stream stream, string sheetName, int row, int column) =>
        double.Parse(RawCell(stream, sheetName, row, column), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns a cell's text as Excel reads it: from the XML, with _xHHHH_ codes decoded by the
    /// Office Open XML rule. ClosedXML 0.95.4's reader decodes "_x005F_x0000_" wrongly.
    /// </summary>
    public static string ExcelText(Stream stream, string sheetName, int row, int column) =>
        System.Text.RegularExpressions.Regex.Replace(RawCell(stream, sheetName, row, column), "_x([0-9A-Fa-f]{4})_",
            m => ((char)Convert.ToInt32(m.Groups[1].Value, 16)).ToString());

    private static string RawCell(Stream stream, string sheetName, int row, int column)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Descendants<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var cell = part.Worksheet.Descendants<Row>().ElementAt(row - 1).Elements<Cell>().ElementAt(column - 1);
        if (cell.DataType?.Value == CellValues.InlineString)
        {
            return cell.InlineString!.InnerText;
        }

        if (cell.DataType?.Value == CellValues.SharedString)
        {
            var index = int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture);
            return workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().ElementAt(index).InnerText;
        }

        return cell.CellValue?.Text ?? "";
    }
}
