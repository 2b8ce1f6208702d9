using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Day;

public sealed partial class DayRun
{
    private const string CorrectiveTask = "Remind staff how to recognise and report this kind of message";
    private const string EarlierEvent = "The message reached four mailboxes through the external relay.";
    private const string ResponderComment = "Headers show a look-alike sender domain; no one entered a password.";
    private const string ReporterMessage = "Thank you. Please delete the message if it is still in your inbox.";
    private const string RootCause = "The mail gateway let a look-alike domain through without a warning.";
    private const string Factors = "New sender domains were not flagged; the relay had no reputation check.";
    private const string Lessons = "Flag first-time sender domains and keep the report button in the toolbar.";

    private long incidentId;
    private string incidentNumber = "";

    /// <summary>
    /// Step 4: the ticket about a suspicious mail becomes an incident, and the Security Officer
    /// works it to closure. The reporting user sees only its status and the messages sent to them.
    /// </summary>
    public async Task HandleSuspiciousMailAsync()
    {
        var ticket = tickets.Single(t => t.Source.IsSuspiciousMail);
        Assert.Contains(ticket, adaTickets);
        Assert.Contains(ticket.Source.Index, WithAttachment);

        await AsAsync(DayPeople.Ada, page => ConvertAsync(page, ticket));
        await AsAsync(DayPeople.Officer, page => InvestigateAsync(page, ticket));
        await AsAsync(ticket.Requester, page => FollowReportAsync(page, ticket));
    }

    private async Task ConvertAsync(IPage page, FiledTicket ticket)
    {
        var view = new TicketPage(page);
        var incident = new IncidentPage(page);

        await view.GotoAsync(ticket.Number);
        await checks.AccessibilityAsync(page, "ticket IT Support");
        await view.ConvertToIncidentAsync();

        await Expect(page).ToHaveURLAsync(new Regex(@"/incidents/\d+"));
        await Expect(incident.Message).ToHaveTextAsync("The ticket was converted to this incident.");
        await Expect(incident.Status).ToHaveTextAsync("New");
        await Expect(incident.Timeline).ToHaveCountAsync(0);
        await checks.AccessibilityAsync(page, "incident IT Support");
        incidentId = long.Parse(new Regex(@"/incidents/(\d+)").Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        incidentNumber = new Regex(@"INC-\d+").Match(await incident.Heading.InnerTextAsync()).Value;
        Assert.NotEmpty(incidentNumber);

        await view.GotoAsync(ticket.Number);
        await Expect(page.Locator("#ticket-incident")).ToContainTextAsync($"Converted to incident {incidentNumber}");
        await Expect(view.Status).ToHaveTextAsync("Assigned");
    }

    private async Task InvestigateAsync(IPage page, FiledTicket ticket)
    {
        var incident = new IncidentPage(page);
        var now = DateTime.UtcNow;

        await page.GotoAsync("/incidents");
        await checks.AccessibilityAsync(page, "incidents Security Officer");
        await page.GetByRole(AriaRole.Link, new() { Name = incidentNumber, Exact = true }).ClickAsync();
        await Expect(incident.Status).ToHaveTextAsync("New");
        await Expect(incident.Evidence).ToContainTextAsync($"{ticket.Text}-description.txt");
        await Expect(incident.Evidence).ToContainTextAsync($"notes-{ticket.Source.Index}.txt");

        await incident.SaveAssessmentAsync(new IncidentAssessment(
            "Phishing", "Moderate", "Low", "None", 4, 1, "Medium", DayPeople.Officer.DisplayName,
            "Reported by an employee", ["mail gateway", "user mailboxes"]));
        await Expect(incident.Message).ToHaveTextAsync("The assessment was saved.");
        await Step(incident, "Triage", "Triaged");
        await Expect(incident.Tasks).Not.ToContainTextAsync("No tasks yet");
        await Expect(incident.Tasks.Locator($"input[value=\"{CorrectiveTask}\"]")).ToHaveCountAsync(1);
        await Step(incident, "Start investigation", "Investigating");

        await incident.AddTimelineEntryAsync(now.AddHours(-3), EarlierEvent);
        await Expect(incident.Timeline).ToContainTextAsync(EarlierEvent);
        await incident.CommentAsync(ResponderComment);
        await Expect(incident.Timeline).ToContainTextAsync(ResponderComment);
        await incident.MessageReporterAsync(ReporterMessage);
        await Expect(incident.Timeline.Locator("li").Filter(new() { HasText = ReporterMessage }))
            .ToContainTextAsync("Message to reporter");
        await incident.UploadEvidenceAsync(WriteTextFile("mail-headers.txt", "Received: from relay.invalid\n"), "Headers of the message");
        await Expect(incident.Message).ToHaveTextAsync("The evidence was added.");
        await Expect(incident.Evidence).ToContainTextAsync("mail-headers.txt");

        await incident.MoveAsync("Mark contained", "Blocked the sender domain at the gateway.", now.AddMinutes(-30));
        await Expect(incident.Status).ToHaveTextAsync("Contained");
        await incident.MoveAsync("Mark recovered", "Purged the message from all four mailboxes.", now.AddMinutes(-10));
        await Expect(incident.Status).ToHaveTextAsync("Recovered");
        await incident.MoveAsync("Close");
        await Expect(incident.Error).ToContainTextAsync("the root cause");
        await Expect(incident.Error).ToContainTextAsync($"an owner for the corrective action \"{CorrectiveTask}\"");
        await Expect(incident.Status).ToHaveTextAsync("Recovered");

        var due = DateOnly.FromDateTime(now).AddDays(14);
        await incident.PlanTaskAsync(CorrectiveTask, DayPeople.Officer.DisplayName, due);
        await Expect(incident.TaskRow(CorrectiveTask).GetByLabel("Due date"))
            .ToHaveValueAsync(due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await incident.SaveReviewAsync(RootCause, Factors, Lessons);
        await Expect(incident.Message).ToHaveTextAsync("The review was saved.");
        await Step(incident, "Close", "Closed");
        await Expect(page.Locator("#incident-review")).ToContainTextAsync("Blocked the sender domain");
        await Expect(incident.Timeline).ToContainTextAsync(EarlierEvent);
        await checks.AccessibilityAsync(page, "incident Security Officer");
        await checks.ScreenshotAsync(page, "incident");
    }

    /// <summary>
    /// Follows the conversion notice to the requester's ticket, where the security team's message
    /// is a comment. Nothing of the investigation is shown, and the incident's pages return 404.
    /// </summary>
    private async Task FollowReportAsync(IPage page, FiledTicket ticket)
    {
        var notifications = new NotificationsPage(page);
        var view = new TicketPage(page);

        await notifications.GotoAsync();
        await notifications.OpenAsync("was passed to the security team");

        await Expect(page).ToHaveURLAsync(new Regex($"/tickets/{ticket.Number}$"));
        await Expect(view.Body).ToContainTextAsync("passed to the security team");
        await Expect(view.Body).ToContainTextAsync(ReporterMessage);
        foreach (var secret in new[] { RootCause, Lessons, ResponderComment, EarlierEvent, incidentNumber, "mail-headers.txt" })
        {
            await Expect(page.Locator("body")).Not.ToContainTextAsync(secret);
        }

        await checks.AccessibilityAsync(page, "converted ticket User");
        foreach (var door in new[] { $"/incidents/{incidentId}", $"/incidents/mine/{incidentId}" })
        {
            var answer = await page.GotoAsync(door);
            Assert.True(answer!.Status == 404, $"{door} answered {answer.Status} to the requester");
        }
    }

    private static async Task Step(IncidentPage incident, string label, string status)
    {
        await incident.MoveAsync(label);
        await Expect(incident.Message).ToHaveTextAsync("The status was changed.");
        await Expect(incident.Status).ToHaveTextAsync(status);
    }
}
