using ClosedXML.Excel;

namespace HelpdeskLite.E2E.Day;

/// <summary>Opens the downloaded Excel files and compares their totals with the day's tickets.</summary>
public static class DayWorkbooks
{
    /// <summary>Checks the ticket report: volume per request type, resolved, reopened and backlog totals.</summary>
    public static void CheckReport(string path, IReadOnlyList<FiledTicket> tickets)
    {
        using var workbook = new XLWorkbook(path);
        var byType = Counts(workbook.Worksheet("Volume by type"));
        var resolution = workbook.Worksheet("Resolution");
        var backlog = Counts(workbook.Worksheet("Backlog by age"));

        Assert.Equal(tickets.Count, byType.Values.Sum());
        foreach (var group in tickets.GroupBy(t => t.Source.RequestType))
        {
            Assert.Equal(group.Count(), byType.GetValueOrDefault(group.Key));
        }

        Assert.Equal("Tickets", resolution.Cell(1, 1).GetString());
        Assert.Equal(tickets.Count, resolution.Cell(2, 1).GetDouble());
        Assert.Equal(tickets.Count(t => t.Status is "Resolved" or "Closed"), resolution.Cell(2, 2).GetDouble());
        Assert.Equal(1, resolution.Cell(2, 5).GetDouble());
        Assert.Equal(tickets.Count(t => t.Status is not ("Resolved" or "Closed")), backlog.Values.Sum());
    }

    /// <summary>Checks the ticket list: one row per ticket, each with the status the day left it in.</summary>
    public static void CheckList(string path, IReadOnlyList<FiledTicket> tickets)
    {
        using var workbook = new XLWorkbook(path);
        var sheet = workbook.Worksheet("Tickets");
        Assert.Equal("Number", sheet.Cell(1, 1).GetString());
        Assert.Equal("Status", sheet.Cell(1, 5).GetString());

        var rows = sheet.RowsUsed().Skip(1)
            .ToDictionary(row => row.Cell(1).GetString(), row => row.Cell(5).GetString());

        Assert.Equal(tickets.Count, rows.Count);
        Assert.Equal(
            tickets.GroupBy(t => t.Status).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key),
            rows.Values.GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count()).OrderBy(p => p.Key));
        foreach (var ticket in tickets)
        {
            Assert.Equal(ticket.Status, rows[ticket.Text]);
        }
    }

    private static Dictionary<string, int> Counts(IXLWorksheet sheet) =>
        sheet.RowsUsed().Skip(1)
            .Where(row => row.Cell(2).DataType == XLDataType.Number)
            .ToDictionary(row => row.Cell(1).GetString(), row => (int)row.Cell(2).GetDouble());
}
