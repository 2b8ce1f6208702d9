using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Tests.Reports.Excel;

public sealed class XlsxStreamWriterTests
{
    private static readonly ReportSummary Summary = new(
        "Ticket list", "alice", new DateTime(2026, 3, 29, 10, 0, 0, DateTimeKind.Utc),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"),
        [new("Status", "Open"), new("Search", "=evil()")]);

    [Fact]
    public void Values_keep_their_types_and_formats()
    {
        var time = new DateTime(2026, 3, 29, 3, 30, 0);

        using var stream = WriteStream(["Seq", 3L], ["Time", time], ["Took", TimeSpan.FromHours(26.5)],
            ["Day", new DateOnly(2026, 3, 31)], ["Share", 0.25], ["Flag", true], ["Empty", null]);
        using var workbook = new XLWorkbook(stream);

        var row = workbook.Worksheet("Data").Row(2);
        Assert.Equal(XLDataType.Number, row.Cell(1).DataType);
        Assert.Equal(3.0, row.Cell(1).GetDouble());
        Assert.Equal(XLDataType.DateTime, row.Cell(2).DataType);
        Assert.Equal(time, row.Cell(2).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm:ss", row.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(26.5 / 24, HostileCells.RawNumber(stream, "Data", 2, 3), 9);
        Assert.Equal("[h]:mm:ss", row.Cell(3).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2026, 3, 31), row.Cell(4).GetDateTime());
        Assert.Equal("yyyy-mm-dd", row.Cell(4).Style.NumberFormat.Format);
        Assert.Equal(0.25, row.Cell(5).GetDouble());
        Assert.Equal(XLDataType.Boolean, row.Cell(6).DataType);
        Assert.True(row.Cell(7).IsEmpty());
    }

    [Fact]
    public void Header_is_bold_frozen_and_filtered()
    {
        using var stream = WriteRaw(["x"]);

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Data");
        Assert.Equal("Text", sheet.Cell(1, 1).GetString());
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:A2", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Contains("width=\"10\"", SheetXml(stream));
    }

    [Fact]
    public void Summary_sheet_comes_first_and_names_run_and_filters()
    {
        using var workbook = Write(["Seq", 1L]);

        var summary = workbook.Worksheet(1);
        Assert.Equal("Summary", summary.Name);
        Assert.Equal("Ticket list", summary.Cell(1, 2).GetString());
        Assert.Equal("alice", summary.Cell(2, 2).GetString());
        Assert.Equal("2026-03-29 12:00:00 (Europe/Berlin)", summary.Cell(3, 2).GetString());
        Assert.Equal("Europe/Berlin", summary.Cell(4, 2).GetString());
        Assert.Equal("Filter: Search", summary.Cell(6, 1).GetString());
        Assert.Equal("=evil()", summary.Cell(6, 2).GetString());
        Assert.False(summary.Cell(6, 2).HasFormula);
    }

    [Fact]
    public void Formula_like_text_stays_text()
    {
        using var stream = WriteRaw(HostileCells.FormulaLike.Select(t => new object?[] { t }).ToArray());

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Data");
        for (var i = 0; i < HostileCells.FormulaLike.Length; i++)
        {
            var cell = sheet.Cell(i + 2, 1);
            Assert.False(cell.HasFormula, HostileCells.FormulaLike[i]);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.True(cell.Style.IncludeQuotePrefix, HostileCells.FormulaLike[i]);
            Assert.Equal(HostileCells.Stored(HostileCells.FormulaLike[i]), cell.GetString());
        }

        Assert.DoesNotContain("<x:f>", SheetXml(stream));
    }

    [Fact]
    public void Escape_codes_and_unicode_come_back_literally()
    {
        using var stream = WriteRaw(HostileCells.Literal.Select(t => new object?[] { t }).ToArray());

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Data");
        for (var i = 0; i < HostileCells.Literal.Length; i++)
        {
            Assert.Equal(HostileCells.Stored(HostileCells.Literal[i]), HostileCells.ExcelText(stream, "Data", i + 2, 1));
            Assert.Equal(XLDataType.Text, sheet.Cell(i + 2, 1).DataType);
        }
    }

    [Fact]
    public void Control_characters_are_dropped_and_long_text_truncated()
    {
        var longText = new string('a', 40_000);

        using var stream = WriteRaw(["a\u0000b\u0001c\u001Fd\uFFFE"], [longText], ["x\ud800y"]);

        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Data");
        Assert.Equal("abcd", sheet.Cell(2, 1).GetString());
        var cut = sheet.Cell(3, 1).GetString();
        Assert.Equal(SafeCell.MaxLength, cut.Length);
        Assert.EndsWith(SafeCell.TruncationMarker, cut, StringComparison.Ordinal);
        Assert.Equal("xy", sheet.Cell(4, 1).GetString());
    }

    [Fact]
    public void Streamed_file_passes_schema_validation()
    {
        var rows = HostileCells.FormulaLike.Concat(HostileCells.Literal).Append("a\u0000b").Append("<&\">")
            .Select(t => new object?[] { t, 7L, new DateTime(2026, 3, 29, 3, 30, 0), TimeSpan.FromMinutes(90), true, null })
            .ToArray();
        XlsxColumn[] columns =
            [new("Text", 40), new("Number", 8), new("Time", 20), new("Took", 10), new("Flag", 6), new("Empty", 6)];
        using var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream, "Data", columns, Summary))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Equal(rows.Length + 1, document.WorkbookPart!.WorksheetParts
            .Single(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.AutoFilter>().Any())
            .Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().Count());
    }

    private static XLWorkbook Write(params object?[][] pairs) => new(WriteStream(pairs));

    private static MemoryStream WriteStream(params object?[][] pairs)
    {
        var columns = pairs.Select(p => new XlsxColumn((string)p[0]!, 10)).ToArray();
        var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream, "Data", columns, Summary))
        {
            writer.WriteRow(pairs.Select(p => p[1]).ToArray());
        }

        stream.Position = 0;
        return stream;
    }

    private static MemoryStream WriteRaw(params object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var writer = new XlsxStreamWriter(stream, "Data", [new XlsxColumn("Text", 10)], Summary))
        {
            foreach (var row in rows)
            {
                writer.WriteRow(row);
            }
        }

        stream.Position = 0;
        return stream;
    }

    private static string SheetXml(Stream stream)
    {
        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        return string.Concat(document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.OuterXml));
    }
}
