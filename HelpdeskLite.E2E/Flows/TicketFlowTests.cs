using System.Security.Cryptography;
using System.Text.RegularExpressions;
using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Flows;

/// <summary>
/// A user files a ticket with an attachment. An IT Support agent takes it, puts a question to the
/// requester, gets the reply and resolves it. The user confirms, and the ticket is closed for both.
/// </summary>
public sealed class TicketFlowTests(ProductFixture product) : IAsyncDisposable
{
    private const string Description = "Tray 2 of the printer by the kitchen jams on every second page.";
    private const string Question = "Does it jam with every paper size, or only with A4?";
    private const string Answer = "Only with A4; envelopes and A5 go through fine.";
    private const string ResolutionNote = "Replaced the worn pickup roller in tray 2 and printed 50 test pages.";
    private const string FileName = "jammed-page.png";

    private readonly OpenPages pages = new(product.People);
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("hdl-ticket-flow-");

    [Fact]
    public async Task Ticket_goes_from_filed_to_closed()
    {
        var requester = await product.People.AddAsync("Ticket Requester", "User");
        var agent = await product.People.AddAsync("Ticket Agent", "IT Support");
        var user = await pages.OpenAsync(requester);
        var support = await pages.OpenAsync(agent);
        var subject = $"Printer jams ({requester.Username})";

        var number = await FileAsync(user, subject);
        await DownloadAttachmentAsync(user);
        await AssignAndAskAsync(support, agent, number, subject);
        await AnswerFromNotificationAsync(user, agent, number, subject);
        await ResolveAsync(support, number);
        await ConfirmAsync(user, number);

        var agentView = new TicketPage(support);
        await agentView.GotoAsync(number);
        await Expect(agentView.Status).ToHaveTextAsync("Closed");
        await Expect(agentView.Resolution).ToHaveTextAsync(ResolutionNote);
        await Expect(agentView.History).ToContainTextAsync("Changed the status from Resolved to Closed");
    }

    private async Task<long> FileAsync(IPage page, string subject)
    {
        var form = new TicketFormPage(page);
        var view = new TicketPage(page);

        await form.GotoAsync();
        await Expect(view.Heading).ToHaveTextAsync("New ticket");
        await ProductFixture.CheckPageAsync(page, "flow-new-ticket");
        var attachment = await ScreenshotFileAsync(page);
        var number = await form.FileAsync(subject, Description, "Hardware", attachment);

        await Expect(view.Message).ToHaveTextAsync("The ticket was filed.");
        await Expect(view.Heading).ToHaveTextAsync($"T-{number} {subject}");
        await Expect(view.Status).ToHaveTextAsync("New");
        await Expect(view.Facts).ToContainTextAsync("Hardware");
        await Expect(view.Facts).ToContainTextAsync("Unassigned");
        await Expect(view.Body).ToContainTextAsync(Description);
        await Expect(view.Attachments.GetByRole(AriaRole.Link, new() { Name = FileName })).ToBeVisibleAsync();
        await Expect(view.Attachments).ToContainTextAsync($"SHA-256 {Sha256Of(attachment)}");
        await ProductFixture.CheckPageAsync(page, "flow-ticket-requester");
        return number;
    }

    /// <summary>The requester gets back exactly the bytes they attached.</summary>
    private async Task DownloadAttachmentAsync(IPage page)
    {
        var download = await new TicketPage(page).DownloadAttachmentAsync(FileName);

        var attached = await File.ReadAllBytesAsync(Path.Combine(folder.FullName, FileName));
        var downloaded = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal(FileName, download.SuggestedFilename);
        Assert.Equal(attached, downloaded);
    }

    private static async Task AssignAndAskAsync(IPage page, Person agent, long number, string subject)
    {
        var queue = new TicketQueuePage(page);
        var view = new TicketPage(page);

        await queue.GotoAsync("unassigned");
        await Expect(queue.Row(number)).ToContainTextAsync(subject);
        await Expect(queue.Row(number)).ToContainTextAsync("New");
        await ProductFixture.CheckPageAsync(page, "flow-queue");
        await queue.OpenAsync(number);
        await Expect(view.Heading).ToHaveTextAsync($"T-{number} {subject}");
        await Expect(view.Status).ToHaveTextAsync("New");
        await ProductFixture.CheckPageAsync(page, "flow-ticket-agent");

        await view.AssignAsync(agent.DisplayName);
        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync("Assigned");
        await Expect(view.Facts).ToContainTextAsync(agent.DisplayName);

        await view.MoveAsync("Start work");
        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync("In Progress");

        await view.MoveAsync("Ask the requester", Question);
        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync("Waiting for User");
        await Expect(view.History).ToContainTextAsync(Question);
    }

    /// <summary>The requester follows the status notice to the ticket and replies with a comment.</summary>
    private static async Task AnswerFromNotificationAsync(IPage page, Person agent, long number, string subject)
    {
        var notifications = new NotificationsPage(page);
        var view = new TicketPage(page);

        await notifications.GotoAsync();
        var reply = notifications.Item($"{agent.DisplayName} replied on your ticket T-{number} ");
        await Expect(reply).ToContainTextAsync(Question);
        await ProductFixture.CheckPageAsync(page, "flow-notifications");
        await notifications.OpenAsync($"Your ticket T-{number} \"{subject}\" is now Waiting for User.");

        await Expect(page).ToHaveURLAsync(new Regex($"/tickets/{number}$"));
        await Expect(view.Status).ToHaveTextAsync("Waiting for User");
        await Expect(view.History).ToContainTextAsync(Question);
        await view.CommentAsync(Answer);
        await Expect(view.Message).ToHaveTextAsync("Your comment was added.");
        await Expect(view.Status).ToHaveTextAsync("In Progress");
        await Expect(view.History).ToContainTextAsync(Answer);
    }

    private static async Task ResolveAsync(IPage page, long number)
    {
        var view = new TicketPage(page);

        await view.GotoAsync(number);
        await Expect(view.Status).ToHaveTextAsync("In Progress");
        await Expect(view.History).ToContainTextAsync(Answer);
        await view.MoveAsync("Resolve", ResolutionNote);

        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync("Resolved");
        await Expect(view.Resolution).ToHaveTextAsync(ResolutionNote);
    }

    private static async Task ConfirmAsync(IPage page, long number)
    {
        var view = new TicketPage(page);

        await view.GotoAsync(number);
        await Expect(view.Status).ToHaveTextAsync("Resolved");
        await Expect(view.Resolution).ToHaveTextAsync(ResolutionNote);
        await view.MoveAsync("Confirm and close");

        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync("Closed");
        await Expect(view.Resolution).ToHaveTextAsync(ResolutionNote);
        await Expect(view.Actions).ToHaveCountAsync(0);
        await ProductFixture.CheckPageAsync(page, "flow-ticket-closed");
    }

    /// <summary>Saves a PNG of the top of the form as the file to attach: real binary content.</summary>
    private async Task<string> ScreenshotFileAsync(IPage page)
    {
        var path = Path.Combine(folder.FullName, FileName);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = path,
            Clip = new Clip { X = 0, Y = 0, Width = 320, Height = 180 },
        });
        return path;
    }

    private static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public async ValueTask DisposeAsync()
    {
        await pages.DisposeAsync();

        folder.Delete(recursive: true);
    }
}
