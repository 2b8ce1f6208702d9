using System.Globalization;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Day;

public sealed partial class DayRun
{
    private const string Question = "Which room is the device in, and when can we come by?";
    private const string Answer = "Room 2.14, any time after ten this morning.";
    private const string Resolution = "Done: the request is fulfilled and checked with a test sign-in.";
    private const string ReopenReason = "It worked for an hour, then the same problem came back.";

    private List<FiledTicket> adaTickets = [];
    private List<FiledTicket> benTickets = [];

    /// <summary>
    /// Step 3: the agents triage the queue with filters and bulk assign, ask questions, the users
    /// answer from their notifications, the agents resolve, and the users confirm or reopen.
    /// </summary>
    public async Task WorkTheQueueAsync()
    {
        await AsAsync(DayPeople.Ada, AssignHardwareToAdaAsync);
        await AsAsync(DayPeople.Ben, AssignNewestPageToBenAsync);

        var ada = adaTickets.Where(t => !t.Source.IsSuspiciousMail).ToList();
        await AsAsync(DayPeople.Ada, page => WorkAsync(page, ada[..10], questioned: ada[..4], resolved: [.. ada[..3], .. ada[4..8]]));
        await AsAsync(DayPeople.Ben, page => WorkAsync(page, benTickets[..5], questioned: [], resolved: benTickets[..3]));

        foreach (var ticket in ada[..3])
        {
            await AsAsync(ticket.Requester, page => AnswerFromNotificationAsync(page, ticket));
        }

        await AsAsync(DayPeople.Ada, page => ResolveAnsweredAsync(page, ada[..3]));
        foreach (var ticket in new[] { ada[0], ada[1], ada[4], ada[5], benTickets[0], benTickets[1] })
        {
            await AsAsync(ticket.Requester, page => MoveAsync(page, ticket, "Confirm and close", null, "Closed"));
        }

        await AsAsync(ada[2].Requester, page => MoveAsync(page, ada[2], "Reopen", ReopenReason, "In Progress"));
    }

    private async Task AssignHardwareToAdaAsync(IPage page)
    {
        var queue = new TicketQueuePage(page);
        var hardware = tickets.Count(t => t.Source.RequestType == "Hardware");

        await queue.GotoAsync("unassigned");
        await Expect(queue.Rows).ToHaveCountAsync(60);
        await checks.AccessibilityAsync(page, "tickets IT Support");
        await queue.FilterByTypeAsync("Hardware");
        await Expect(queue.Rows).ToHaveCountAsync(hardware);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("type=Hardware"));
        adaTickets = (await NumbersAsync(queue)).Select(Ticket).ToList();
        await queue.AssignAllShownToAsync(DayPeople.Ada.DisplayName);

        await Expect(queue.Message).ToHaveTextAsync("The selected tickets were assigned.");
        await page.GotoAsync("/tickets?view=assigned&size=100");
        await Expect(queue.Rows).ToHaveCountAsync(hardware);
        await Expect(queue.Rows.Filter(new() { HasText = "Assigned" })).ToHaveCountAsync(hardware);
        Assert.All(adaTickets, t => Assert.Equal("Hardware", t.Source.RequestType));
        adaTickets.ForEach(t => t.Status = "Assigned");
    }

    /// <summary>Ben takes the newest page of 25 unassigned tickets; the rest stay New.</summary>
    private async Task AssignNewestPageToBenAsync(IPage page)
    {
        var queue = new TicketQueuePage(page);
        var unassigned = 60 - adaTickets.Count;

        await queue.GotoAsync("unassigned", size: 25);
        await Expect(queue.Rows).ToHaveCountAsync(25);
        benTickets = (await NumbersAsync(queue)).Select(Ticket).ToList();
        await queue.AssignAllShownToAsync(DayPeople.Ben.DisplayName);

        await Expect(queue.Message).ToHaveTextAsync("The selected tickets were assigned.");
        await queue.GotoAsync("unassigned");
        await Expect(queue.Rows).ToHaveCountAsync(unassigned - 25);
        await queue.GotoAsync("assigned");
        await Expect(queue.Rows).ToHaveCountAsync(25);
        await Expect(queue.Rows.Filter(new() { HasText = DayPeople.Ben.DisplayName })).ToHaveCountAsync(25);
        benTickets.ForEach(t => t.Status = "Assigned");
    }

    private static async Task WorkAsync(IPage page, List<FiledTicket> started, List<FiledTicket> questioned, List<FiledTicket> resolved)
    {
        foreach (var ticket in started)
        {
            await MoveAsync(page, ticket, "Start work", null, "In Progress");
        }

        foreach (var ticket in questioned)
        {
            await MoveAsync(page, ticket, "Ask the requester", Question, "Waiting for User");
        }

        foreach (var ticket in resolved.Where(t => !questioned.Contains(t)))
        {
            await MoveAsync(page, ticket, "Resolve", Resolution, "Resolved");
        }
    }

    /// <summary>The requester opens the question from the notification list and answers on the ticket page.</summary>
    private async Task AnswerFromNotificationAsync(IPage page, FiledTicket ticket)
    {
        var notifications = new NotificationsPage(page);
        var view = new TicketPage(page);

        await notifications.GotoAsync();
        await Expect(notifications.Item($"{DayPeople.Ada.DisplayName} replied on your ticket {ticket.Text} "))
            .ToContainTextAsync(Question);
        await checks.AccessibilityAsync(page, "notifications User");
        await notifications.OpenAsync($"Your ticket {ticket.Text} \"{ticket.Source.Subject}\" is now Waiting for User.");
        await Expect(view.Status).ToHaveTextAsync("Waiting for User");
        await Expect(view.Body).ToContainTextAsync(Question);
        await view.CommentAsync(Answer);

        await Expect(view.Message).ToHaveTextAsync("Your comment was added.");
        await Expect(view.Status).ToHaveTextAsync("In Progress");
        ticket.Status = "In Progress";
    }

    /// <summary>Ada finds each answer in her notifications, then resolves the tickets.</summary>
    private static async Task ResolveAnsweredAsync(IPage page, List<FiledTicket> answered)
    {
        var notifications = new NotificationsPage(page);

        await notifications.GotoAsync();
        foreach (var ticket in answered)
        {
            await Expect(notifications.Item($"{ticket.Requester.DisplayName} replied on {ticket.Text} ")).ToContainTextAsync(Answer);
        }

        foreach (var ticket in answered)
        {
            await MoveAsync(page, ticket, "Resolve", Resolution, "Resolved");
        }
    }

    private static async Task<List<long>> NumbersAsync(TicketQueuePage queue)
    {
        var texts = await queue.Rows.Locator("td:nth-child(2)").AllInnerTextsAsync();
        return texts.Select(text => long.Parse(text.Trim()["T-".Length..], CultureInfo.InvariantCulture)).ToList();
    }
}
