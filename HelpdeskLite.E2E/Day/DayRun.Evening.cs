using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Day;

public sealed partial class DayRun
{
    /// <summary>Step 5: a user opens another user's ticket by its address and gets the not-found page.</summary>
    public async Task TryOthersTicketAsync()
    {
        var target = tickets.First(t => WithAttachment.Contains(t.Source.Index));
        var intruder = DayPeople.Users.First(u => u != target.Requester);

        await AsAsync(intruder, async page =>
        {
            var response = await page.GotoAsync($"/tickets/{target.Number}");

            Assert.Equal(404, response!.Status);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not found");
            var body = await page.Locator("body").InnerTextAsync();
            Assert.DoesNotContain(target.Source.Subject, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(target.Source.Description, body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(target.Text, body, StringComparison.Ordinal);
            await checks.AccessibilityAsync(page, "not-found User");

            var download = await page.APIRequest.GetAsync($"/tickets/{target.Number}?handler=attachment&attachmentId=1");
            Assert.Equal(404, download.Status);
            await page.GotoAsync($"/tickets?view=mine&q={Uri.EscapeDataString(target.Source.Subject)}");
            await Expect(new TicketQueuePage(page).Rows).ToHaveCountAsync(0);
        });
    }

    /// <summary>
    /// Step 6: the admin verifies the audit chain and downloads the ticket report and list, whose
    /// totals must match what the day produced.
    /// </summary>
    public async Task CloseTheDayAsync()
    {
        await AsAsync(DayPeople.Admin, async page =>
        {
            var verify = new AuditVerifyPage(page);
            await verify.GotoAsync();
            await checks.AccessibilityAsync(page, "audit-verify Admin");
            await verify.StartAsync();
            await Expect(verify.Result).ToContainTextAsync("The audit chain is intact", new() { Timeout = 60_000 });
            await checks.AccessibilityAsync(page, "audit-verify-result Admin");
            await checks.ScreenshotAsync(page, "audit-verification");

            var reports = new ReportsPage(page);
            await reports.GotoAsync("tickets");
            await Expect(reports.Heading).ToHaveTextAsync("Reports");
            await checks.AccessibilityAsync(page, "reports Admin");
            DayWorkbooks.CheckReport(await reports.DownloadReportAsync(files), tickets);
            DayWorkbooks.CheckList(await reports.DownloadListAsync(files), tickets);
        });
    }

    /// <summary>Each role's dashboard, the queue and a worked ticket at the end of the day, with their screenshots.</summary>
    public async Task LookAroundAsync()
    {
        var worked = adaTickets.Where(t => !t.Source.IsSuspiciousMail).ElementAt(2);
        await AsAsync(DayPeople.Admin, page => DashboardAsync(page, "admin", "System health"));
        await AsAsync(DayPeople.Officer, page => DashboardAsync(page, "security-officer", "Security incidents"));
        await AsAsync(worked.Requester, page => DashboardAsync(page, "user", "My tickets and reports"));
        await AsAsync(DayPeople.Ada, async page =>
        {
            await DashboardAsync(page, "it-support", "Ticket queue");

            var queue = new TicketQueuePage(page);
            await queue.GotoAsync("open");
            // The open view lists what still needs work: resolved tickets wait for their requester.
            await Expect(queue.Rows).ToHaveCountAsync(tickets.Count(t => t.Status is not ("Resolved" or "Closed")));
            await checks.ScreenshotAsync(page, "queue");

            var view = new TicketPage(page);
            await view.GotoAsync(worked.Number);
            await Expect(view.Status).ToHaveTextAsync("In Progress");
            await Expect(view.Body).ToContainTextAsync(Answer);
            await Expect(view.Body).ToContainTextAsync(ReopenReason);
            await checks.ScreenshotAsync(page, "ticket");
        });
    }

    private async Task DashboardAsync(IPage page, string role, string panel)
    {
        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = panel })).ToBeVisibleAsync();
        await checks.AccessibilityAsync(page, $"dashboard {role}");
        await checks.ScreenshotAsync(page, $"dashboard-{role}");
    }
}
