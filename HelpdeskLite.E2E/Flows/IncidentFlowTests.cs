using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Flows;

/// <summary>
/// A security event reaches the security team from a user's report or from a ticket that IT
/// Support converts, and a Security Officer assesses, contains, recovers, reviews and closes it.
/// The reporter is shown only the report's status, and a converted ticket's requester only their
/// ticket, never the investigation.
/// </summary>
public sealed partial class IncidentFlowTests(ProductFixture product) : IAsyncDisposable
{
    private const string WhatHappened = "A sign-in prompt I did not start appeared on my phone three times.";
    private const string Affected = "My VPN account";
    private const string EarlierEvent = "Sign-in attempts against the VPN account began from an unknown address.";
    private const string Containment = "Locked the VPN account and ended its sessions.";
    private const string Recovery = "Reset the password and enrolled a new second factor with the user.";
    private const string CorrectiveTask = "Enforce two-factor sign-in where it was missing";
    private const string RootCause = "The VPN still accepted push approvals without number matching.";
    private const string Factors = "Push fatigue; no alert on repeated denied prompts.";
    private const string Lessons = "Turn on number matching and alert after three denied prompts.";
    private const string MailText = "An invoice mail from an unknown sender asks me to sign in through a link.";

    private readonly OpenPages pages = new(product.People);

    [Fact]
    public async Task Incident_goes_from_report_to_closed()
    {
        var reporter = await product.People.AddAsync("Incident Reporter", "User");
        var officer = await product.People.AddAsync("Incident Officer", "Security Officer");
        var user = await pages.OpenAsync(reporter);
        var responder = await pages.OpenAsync(officer);
        var title = $"Unexpected sign-in prompts ({reporter.Username})";
        var now = DateTime.UtcNow;

        var (id, number) = await ReportAsync(user, title, now);
        await TriageAsync(responder, officer, number, reporter);
        await ExpectReporterStatusAsync(user, id, "Being handled by the security team");
        await RespondAsync(responder, now);
        await ReviewAndCloseAsync(responder, officer, now);
        await ExpectReporterSeesStatusOnlyAsync(user, id, number);
    }

    [Fact]
    public async Task Converted_ticket_closes_with_lessons()
    {
        var requester = await product.People.AddAsync("Mail Requester", "User");
        var support = await product.People.AddAsync("Mail Support", "IT Support");
        var officer = await product.People.AddAsync("Mail Officer", "Security Officer");
        var user = await pages.OpenAsync(requester);
        var agent = await pages.OpenAsync(support);
        var responder = await pages.OpenAsync(officer);
        var now = DateTime.UtcNow;

        var form = new TicketFormPage(user);
        await form.GotoAsync();
        var ticket = await form.FileAsync($"Odd invoice mail with a link ({requester.Username})", MailText, "General");
        var (id, number) = await ConvertAsync(agent, ticket);
        await TriageAsync(responder, officer, number, requester, MailText);
        await Expect(new IncidentPage(responder).Evidence).ToContainTextAsync($"T-{ticket}-description.txt");
        await RespondAsync(responder, now);
        await ReviewAndCloseAsync(responder, officer, now);
        await ExpectRequesterSeesTicketOnlyAsync(user, ticket, id, number);
    }

    private static async Task<(long Id, string Number)> ConvertAsync(IPage page, long ticket)
    {
        var view = new TicketPage(page);
        var incident = new IncidentPage(page);

        await view.GotoAsync(ticket);
        await view.ConvertToIncidentAsync();

        await Expect(page).ToHaveURLAsync(IncidentUrl());
        await Expect(incident.Message).ToHaveTextAsync("The ticket was converted to this incident.");
        await ProductFixture.CheckPageAsync(page, "flow-incident-converted");
        var id = long.Parse(IncidentUrl().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
        var number = NumberPattern().Match(await incident.Heading.InnerTextAsync()).Value;

        await view.GotoAsync(ticket);
        await Expect(page.Locator("#ticket-incident")).ToContainTextAsync($"Converted to incident {number}");
        return (id, number);
    }

    /// <summary>The requester keeps their ticket with the hand-over notice; both incident doors return 404.</summary>
    private static async Task ExpectRequesterSeesTicketOnlyAsync(IPage page, long ticket, long id, string number)
    {
        var view = new TicketPage(page);

        await view.GotoAsync(ticket);
        await Expect(view.Body).ToContainTextAsync("passed to the security team");
        foreach (var text in new[] { number, EarlierEvent, Containment, RootCause, Lessons, CorrectiveTask })
        {
            await Expect(view.Body).Not.ToContainTextAsync(text);
        }

        await ProductFixture.CheckPageAsync(page, "flow-converted-ticket");
        foreach (var door in new[] { $"/incidents/{id}", $"/incidents/mine/{id}" })
        {
            var response = await page.GotoAsync(door);
            Assert.True(response!.Status == 404, $"{door} answered {response.Status} to the requester");
        }
    }

    private static async Task<(long Id, string Number)> ReportAsync(IPage page, string title, DateTime now)
    {
        var form = new IncidentReportPage(page);
        var mine = new MyReportsPage(page);

        await form.GotoAsync();
        await Expect(form.Heading).ToHaveTextAsync("Report a suspected security incident");
        await ProductFixture.CheckPageAsync(page, "flow-incident-report");
        var id = await form.SendAsync(title, WhatHappened, now.AddMinutes(-20), Affected);

        await Expect(mine.Message).ToContainTextAsync("Your report was sent to the security team as INC-");
        await Expect(mine.Heading).ToContainTextAsync(title);
        await Expect(mine.Status).ToHaveTextAsync("Received");
        await ProductFixture.CheckPageAsync(page, "flow-my-report");
        var number = NumberPattern().Match(await mine.Heading.InnerTextAsync()).Value;
        Assert.NotEmpty(number);
        return (id, number);
    }

    private static async Task TriageAsync(IPage page, Person officer, string number, Person reporter, string whatHappened = WhatHappened)
    {
        var incident = new IncidentPage(page);

        await page.GotoAsync("/incidents");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Incidents");
        await ProductFixture.CheckPageAsync(page, "flow-incidents");
        await page.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).ClickAsync();
        await Expect(incident.Status).ToHaveTextAsync("New");
        await Expect(page.Locator("#incident-assessment")).ToContainTextAsync(whatHappened);
        await Expect(page.Locator("#incident-assessment")).ToContainTextAsync(reporter.DisplayName);
        await ProductFixture.CheckPageAsync(page, "flow-incident-officer");

        await incident.SaveAssessmentAsync(new IncidentAssessment(
            "Unauthorized Access", "High", "Moderate", "Low", 1, 1, "High", officer.DisplayName,
            "Reported by the account owner", ["VPN gateway"]));
        await Expect(incident.Message).ToHaveTextAsync("The assessment was saved.");
        var header = page.Locator("#incident-header dl.facts");
        await Expect(header).ToContainTextAsync("Unauthorized Access");
        await Expect(header).ToContainTextAsync("High");
        await Expect(header).ToContainTextAsync(officer.DisplayName);
        await Expect(page.Locator("#Confidentiality")).ToHaveValueAsync("High");
        await Expect(page.Locator("#Integrity")).ToHaveValueAsync("Moderate");
        await Expect(page.Locator("#Availability")).ToHaveValueAsync("Low");

        await StepAsync(incident, "Triage", "Triaged");
        await Expect(incident.TaskRow(CorrectiveTask)).ToHaveCountAsync(1);
    }

    private static async Task RespondAsync(IPage page, DateTime now)
    {
        var incident = new IncidentPage(page);
        var occurred = now.AddHours(-5);

        await StepAsync(incident, "Start investigation", "Investigating");
        await incident.AddTimelineEntryAsync(occurred, EarlierEvent);
        var entry = incident.Timeline.Locator("li").Filter(new() { HasText = EarlierEvent });
        await Expect(entry).ToContainTextAsync($"{Shown(occurred)} (UTC+00:00)");
        await Expect(entry).ToContainTextAsync("recorded");

        await incident.MoveAsync("Mark contained", Containment, now.AddMinutes(-10));
        await Expect(incident.Message).ToHaveTextAsync("The status was changed.");
        await Expect(incident.Status).ToHaveTextAsync("Contained");
        await incident.MoveAsync("Mark recovered", Recovery, now.AddMinutes(-5));
        await Expect(incident.Message).ToHaveTextAsync("The status was changed.");
        await Expect(incident.Status).ToHaveTextAsync("Recovered");

        var keyTimes = page.Locator("#incident-key-times");
        await Expect(keyTimes).ToContainTextAsync($"Contained{Shown(now.AddMinutes(-10))}");
        await Expect(keyTimes).ToContainTextAsync($"Recovered{Shown(now.AddMinutes(-5))}");
        var review = page.Locator("#incident-review");
        await Expect(review).ToContainTextAsync(Containment);
        await Expect(review).ToContainTextAsync(Recovery);
    }

    private static async Task ReviewAndCloseAsync(IPage page, Person officer, DateTime now)
    {
        var incident = new IncidentPage(page);
        var due = DateOnly.FromDateTime(now).AddDays(30);

        await incident.PlanTaskAsync(CorrectiveTask, officer.DisplayName, due);
        var task = incident.TaskRow(CorrectiveTask);
        var dueText = due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Expect(task.GetByLabel("Due date")).ToHaveValueAsync(dueText);
        await Expect(task.GetByLabel("Owner").Locator("option:checked")).ToHaveTextAsync(officer.DisplayName);

        await incident.SaveReviewAsync(RootCause, Factors, Lessons);
        await Expect(incident.Message).ToHaveTextAsync("The review was saved.");
        await Expect(page.Locator("#root-cause")).ToHaveValueAsync(RootCause);
        await StepAsync(incident, "Close", "Closed");
        await Expect(page.Locator("#incident-key-times")).ToContainTextAsync(ClosedTimePattern());
        await ProductFixture.CheckPageAsync(page, "flow-incident-closed");
    }

    private static async Task ExpectReporterStatusAsync(IPage page, long id, string status)
    {
        var mine = new MyReportsPage(page);

        await mine.GotoAsync(id);
        await Expect(mine.Status).ToHaveTextAsync(status);
    }

    /// <summary>
    /// The reporter's list and status page show that the report is closed and nothing of the
    /// investigation. The responders' page of the incident returns 404 to the reporter.
    /// </summary>
    private static async Task ExpectReporterSeesStatusOnlyAsync(IPage page, long id, string number)
    {
        var mine = new MyReportsPage(page);
        string[] investigation = [EarlierEvent, Containment, Recovery, RootCause, Factors, Lessons, CorrectiveTask];

        await mine.GotoListAsync();
        await Expect(mine.Heading).ToHaveTextAsync("My security reports");
        await Expect(mine.Row(number)).ToContainTextAsync("Closed");
        await ProductFixture.CheckPageAsync(page, "flow-my-reports");
        foreach (var text in investigation)
        {
            await Expect(mine.Main).Not.ToContainTextAsync(text);
        }

        await mine.GotoAsync(id);
        await Expect(mine.Status).ToHaveTextAsync("Closed");
        foreach (var text in investigation)
        {
            await Expect(mine.Main).Not.ToContainTextAsync(text);
        }

        var response = await page.GotoAsync($"/incidents/{id}");
        Assert.Equal(404, response!.Status);
        await Expect(mine.Heading).ToHaveTextAsync("Not found");
        await Expect(mine.Main).Not.ToContainTextAsync(RootCause);
        await ProductFixture.CheckPageAsync(page, "flow-incident-not-found");
    }

    private static async Task StepAsync(IncidentPage incident, string label, string status)
    {
        await incident.MoveAsync(label);
        await Expect(incident.Message).ToHaveTextAsync("The status was changed.");
        await Expect(incident.Status).ToHaveTextAsync(status);
    }

    /// <summary>Formats a UTC time as the incident pages show it to a viewer in the UTC zone.</summary>
    private static string Shown(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        await pages.DisposeAsync();
    }

    [GeneratedRegex(@"INC-\d+")]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"/incidents/(\d+)")]
    private static partial Regex IncidentUrl();

    [GeneratedRegex(@"Closed\d{4}-\d{2}-\d{2} \d{2}:\d{2}")]
    private static partial Regex ClosedTimePattern();
}
