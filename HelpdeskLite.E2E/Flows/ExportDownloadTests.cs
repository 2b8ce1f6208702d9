using ClosedXML.Excel;
using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Flows;

/// <summary>
/// The ticket list downloads from the Reports page as an Excel file that ClosedXML opens. The
/// admin's export contains the tickets of the chosen agent, and a user's export only their own.
/// </summary>
public sealed class ExportDownloadTests(ProductFixture product) : IAsyncDisposable
{
    private const int SubjectColumn = 2;
    private const int RequesterColumn = 6;
    private const int AssigneeColumn = 7;
    private const int CreatedColumn = 8;

    private readonly OpenPages pages = new(product.People);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hdl-export-flow-");

    [Fact]
    public async Task Ticket_list_downloads_as_workbook()
    {
        var requester = await product.People.AddAsync("Export Requester", "User");
        var agent = await product.People.AddAsync("Export Agent", "IT Support", signIn: false);
        var user = await pages.OpenAsync(requester);
        var admin = await pages.OpenAsync(People.Admin);
        var started = DateTime.UtcNow;
        string[] subjects =
        [
            $"Laptop battery swells ({requester.Username})",
            $"VPN drops every hour ({requester.Username})",
            $"Badge for a new starter ({requester.Username})",
        ];
        var adminSubject = $"Projector flickers in room 1 ({agent.Username})";

        foreach (var subject in subjects)
        {
            await FileAsync(user, subject);
        }

        await FileAsync(admin, adminSubject);
        await AssignToAgentAsync(admin, requester.Username, subjects.Length, agent);

        var adminList = await DownloadAsAdminAsync(admin, agent, subjects.Length);
        using (var workbook = new XLWorkbook(adminList))
        {
            Assert.Contains($"{People.Admin.DisplayName} ({People.Admin.Username})", SummaryValues(workbook));
            var rows = DataRows(workbook);
            Assert.Equal(subjects.Length, rows.Count);
            Assert.Equal(subjects.Order(), rows.Select(r => r.Cell(SubjectColumn).GetString()).Order());
            Assert.All(rows, r => Assert.Equal(agent.DisplayName, r.Cell(AssigneeColumn).GetString()));
            Assert.All(rows, r => ExpectCreatedBetween(r.Cell(CreatedColumn), started, DateTime.UtcNow));
        }

        var userList = await DownloadAsUserAsync(user, subjects.Length);
        using (var workbook = new XLWorkbook(userList))
        {
            Assert.Contains($"{requester.DisplayName} ({requester.Username})", SummaryValues(workbook));
            Assert.Contains("Only tickets you filed", SummaryValues(workbook));
            var rows = DataRows(workbook);
            Assert.Equal(subjects.Length, rows.Count);
            Assert.Contains(subjects[0], rows.Select(r => r.Cell(SubjectColumn).GetString()));
            Assert.DoesNotContain(adminSubject, rows.Select(r => r.Cell(SubjectColumn).GetString()));
            Assert.All(rows, r => Assert.Equal(requester.DisplayName, r.Cell(RequesterColumn).GetString()));
            Assert.All(rows, r => ExpectCreatedBetween(r.Cell(CreatedColumn), started, DateTime.UtcNow));
        }
    }

    private static async Task FileAsync(IPage page, string subject)
    {
        var form = new TicketFormPage(page);
        var view = new TicketPage(page);

        await form.GotoAsync();
        await form.FileAsync(subject, "Filed for the export check.", "Hardware");

        await Expect(view.Message).ToHaveTextAsync("The ticket was filed.");
        await Expect(view.Heading).ToContainTextAsync(subject);
    }

    /// <summary>
    /// Finds the requester's tickets by a search in the queue, assigns them all at once, and finds
    /// them again under the agent's name in the assignee filter.
    /// </summary>
    private static async Task AssignToAgentAsync(IPage page, string search, int count, Person agent)
    {
        var queue = new TicketQueuePage(page);

        await queue.GotoAsync("unassigned");
        await queue.SearchAsync(search);
        await Expect(queue.Rows).ToHaveCountAsync(count);
        await ProductFixture.CheckPageAsync(page, "flow-queue-admin");
        await queue.AssignAllShownToAsync(agent.DisplayName);

        await Expect(queue.Message).ToHaveTextAsync("The selected tickets were assigned.");

        await queue.GotoAsync("open");
        await queue.FilterByAssigneeAsync(agent.DisplayName);
        await Expect(queue.Rows).ToHaveCountAsync(count);
        await Expect(queue.Rows.Filter(new() { HasText = search })).ToHaveCountAsync(count);
        await Expect(queue.Rows.Filter(new() { HasText = "Assigned" })).ToHaveCountAsync(count);
    }

    private async Task<string> DownloadAsAdminAsync(IPage page, Person agent, int count)
    {
        var reports = new ReportsPage(page);

        await reports.GotoAsync("tickets");
        await Expect(reports.Heading).ToHaveTextAsync("Reports");
        await reports.FilterByAgentAsync(agent.DisplayName);
        await Expect(page.Locator("#assignee option:checked")).ToHaveTextAsync(agent.DisplayName);
        await Expect(reports.Total).ToHaveTextAsync($"{count} tickets filed");
        await ProductFixture.CheckPageAsync(page, "flow-reports-admin");
        return await reports.DownloadListAsync(folder.CreateSubdirectory("admin").FullName);
    }

    private async Task<string> DownloadAsUserAsync(IPage page, int count)
    {
        var reports = new ReportsPage(page);

        await reports.GotoAsync("tickets");
        await Expect(reports.Heading).ToHaveTextAsync("Reports");
        await Expect(reports.Scope).ToContainTextAsync("Only tickets you filed are counted.");
        await Expect(reports.Total).ToHaveTextAsync($"{count} tickets filed");
        await ProductFixture.CheckPageAsync(page, "flow-reports-user");
        return await reports.DownloadListAsync(folder.CreateSubdirectory("user").FullName);
    }

    private static List<string> SummaryValues(XLWorkbook workbook) =>
        workbook.Worksheet("Summary").CellsUsed().Select(c => c.GetString()).ToList();

    private static List<IXLRow> DataRows(XLWorkbook workbook)
    {
        var sheet = workbook.Worksheet("Tickets");
        Assert.Equal("Subject", sheet.Cell(1, SubjectColumn).GetString());
        Assert.Equal("Requester", sheet.Cell(1, RequesterColumn).GetString());
        Assert.Equal("Assignee", sheet.Cell(1, AssigneeColumn).GetString());
        Assert.StartsWith("Created", sheet.Cell(1, CreatedColumn).GetString(), StringComparison.Ordinal);
        return sheet.RowsUsed().Skip(1).ToList();
    }

    /// <summary>The created time is a real date cell, in the UTC zone of the people added here.</summary>
    private static void ExpectCreatedBetween(IXLCell cell, DateTime from, DateTime to)
    {
        Assert.Equal(XLDataType.DateTime, cell.DataType);
        var created = cell.GetDateTime();
        Assert.InRange(created, from.AddMinutes(-1), to.AddMinutes(1));
    }

    public async ValueTask DisposeAsync()
    {
        await pages.DisposeAsync();

        folder.Delete(recursive: true);
    }
}
