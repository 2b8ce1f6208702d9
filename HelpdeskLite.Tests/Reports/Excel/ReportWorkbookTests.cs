using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using HelpdeskLite.Reports.Excel;

namespace HelpdeskLite.Tests.Reports.Excel;

public sealed class ReportWorkbookTests
{
    private static readonly ReportSummary Summary = new(
        "Ticket report", "bob", new DateTime(2026, 10, 25, 0, 30, 0, DateTimeKind.Utc),
        TimeZoneInfo.Utc, []);

    [Fact]
    public void Data_sheet_has_styled_frozen_filtered_header_and_sized_columns()
    {
        using var workbook = Build(
            [new("Type"), new("Tickets", ColumnFormat.Count), new("Met", ColumnFormat.Percent)],
            [["Software Installation with a long name", 12, 0.875], ["Hardware", 3, 1.0]]);

        var sheet = workbook.Worksheet("Data");
        Assert.True(sheet.Cell(1, 1).Style.Font.Bold);
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.True(sheet.AutoFilter.IsEnabled);
        Assert.Equal("A1:C3", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal("Software Installation with a long name".Length + 2, sheet.Column(1).Width, 1);
        Assert.Equal(9, sheet.Column(2).Width, 1);
    }

    [Fact]
    public void Numbers_dates_and_durations_are_typed_and_formatted()
    {
        var time = new DateTime(2026, 10, 25, 1, 30, 0);

        using var stream = BuildStream(
            [new("Count", ColumnFormat.Count), new("Share", ColumnFormat.Percent), new("When", ColumnFormat.DateTime),
                new("Day", ColumnFormat.Date), new("Took", ColumnFormat.Duration), new("Mean", ColumnFormat.Number)],
            [[42, 0.5, time, new DateOnly(2026, 10, 31), TimeSpan.FromMinutes(90), 2.25]]);
        using var workbook = new XLWorkbook(stream);

        var row = workbook.Worksheet("Data").Row(2);
        Assert.Equal(XLDataType.Number, row.Cell(1).DataType);
        Assert.Equal(42, row.Cell(1).GetDouble());
        Assert.Equal("#,##0", row.Cell(1).Style.NumberFormat.Format);
        Assert.Equal("0.0%", row.Cell(2).Style.NumberFormat.Format);
        Assert.Equal(XLDataType.DateTime, row.Cell(3).DataType);
        Assert.Equal(time, row.Cell(3).GetDateTime());
        Assert.Equal("yyyy-mm-dd hh:mm", row.Cell(3).Style.DateFormat.Format);
        Assert.Equal(new DateTime(2026, 10, 31), row.Cell(4).GetDateTime());
        Assert.Equal(1.5 / 24, HostileCells.RawNumber(stream, "Data", 2, 5), 9);
        Assert.Equal("[h]:mm:ss", row.Cell(5).Style.NumberFormat.Format);
        Assert.Equal(2.25, row.Cell(6).GetDouble());
    }

    [Fact]
    public void Hostile_text_stays_text_through_closedxml()
    {
        var texts = HostileCells.FormulaLike.Concat(HostileCells.Literal).ToArray();

        var stream = new MemoryStream();
        using (var report = new ReportWorkbook(Summary))
        {
            report.AddSheet("Data", [new ReportColumn("Text")], texts.Select(t => new object?[] { t }));
            report.SaveAs(stream);
        }

        stream.Position = 0;
        using var workbook = new XLWorkbook(stream);
        var sheet = workbook.Worksheet("Data");
        for (var i = 0; i < texts.Length; i++)
        {
            var cell = sheet.Cell(i + 2, 1);
            Assert.False(cell.HasFormula, texts[i]);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(HostileCells.Stored(texts[i]), HostileCells.ExcelText(stream, "Data", i + 2, 1));
        }

        stream.Position = 0;
        using var document = SpreadsheetDocument.Open(stream, false);
        var xml = string.Concat(document.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet.OuterXml));
        Assert.DoesNotContain("<x:f>", xml);
    }

    [Fact]
    public void Summary_sheet_states_when_with_zone_and_no_filters()
    {
        using var workbook = Build([new("A")], []);

        var summary = workbook.Worksheet(1);
        Assert.Equal("Summary", summary.Name);
        Assert.Equal("2026-10-25 00:30:00 (UTC)", summary.Cell(3, 2).GetString());
        Assert.Equal("none", summary.Cell(5, 2).GetString());
    }

    private static XLWorkbook Build(ReportColumn[] columns, object?[][] rows) => new(BuildStream(columns, rows));

    private static MemoryStream BuildStream(ReportColumn[] columns, object?[][] rows)
    {
        var stream = new MemoryStream();
        using (var report = new ReportWorkbook(Summary))
        {
            report.AddSheet("Data", columns, rows);
            report.SaveAs(stream);
        }

        stream.Position = 0;
        return stream;
    }
}
