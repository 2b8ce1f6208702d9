using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Day;

public sealed partial class DayRun
{
    /// <summary>
    /// Ticket rows (by position in the data) that are filed with an attachment. Row 23 is the
    /// suspicious mail, whose attachment must come across to the incident as evidence.
    /// </summary>
    private static readonly int[] WithAttachment = [0, 7, 23, 34, 48];

    /// <summary>Step 1: the admin completes set-up, creates the staff and users, and sets the SLA.</summary>
    public async Task SetUpAsync()
    {
        var page = await browser.NewPageAsync(product.Address);
        var shell = new Shell(page);
        var setup = new SetupPage(page);
        var admin = DayPeople.Admin;

        await setup.GotoAsync(product.SetupLink);
        await Expect(shell.Heading).ToHaveTextAsync("Create the first administrator");
        await checks.AccessibilityAsync(page, "setup");
        await setup.CreateAdminAsync(admin.Username, admin.DisplayName, DayPeople.OwnPassword);
        await Expect(shell.Heading).ToHaveTextAsync("Sign in");
        await new SignInPage(page).SignInAsync(admin.Username, DayPeople.OwnPassword);
        await Expect(shell.Heading).ToHaveTextAsync($"Welcome, {admin.DisplayName}");
        sessions[admin.Username] = await page.Context.StorageStateAsync();

        foreach (var person in DayPeople.Staff.Concat(DayPeople.Users))
        {
            await CreateUserAsync(page, person);
        }

        await shell.OpenUsersAsync();
        await Expect(page.GetByText("user.20", new() { Exact = true })).ToBeVisibleAsync();
        await checks.AccessibilityAsync(page, "users Admin");
        await SetSlaAsync(page);
        await page.Context.CloseAsync();

        foreach (var person in DayPeople.Staff)
        {
            var own = await browser.NewPageAsync(product.Address);
            await SignInFirstTimeAsync(own, person);
            await own.Context.CloseAsync();
        }
    }

    /// <summary>Step 2: the twenty users sign in for the first time and file three tickets each.</summary>
    public async Task FileTicketsAsync()
    {
        var data = DayTickets.Load();
        Assert.Equal(60, data.Count);
        foreach (var (user, index) in DayPeople.Users.Select((user, index) => (user, index)))
        {
            var page = await browser.NewPageAsync(product.Address);
            await SignInFirstTimeAsync(page, user);
            var own = data.Where(t => t.Index % DayPeople.Users.Count == index).ToList();
            foreach (var source in own)
            {
                await FileTicketAsync(page, user, source);
            }

            var queue = new TicketQueuePage(page);
            await page.GotoAsync("/tickets");
            await Expect(queue.Rows).ToHaveCountAsync(own.Count);
            await checks.AccessibilityAsync(page, "tickets User");
            await page.Context.CloseAsync();
        }

        Assert.Equal(60, tickets.Count);
    }

    private async Task CreateUserAsync(IPage page, Person person)
    {
        var form = new NewUserPage(page);

        await page.GotoAsync("/admin/users/new");
        await checks.AccessibilityAsync(page, "new-user Admin");
        await form.CreateAsync(person.Username, person.DisplayName, person.RoleLabel, DayPeople.InitialPassword);

        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("The user was created.");
    }

    private async Task SetSlaAsync(IPage page)
    {
        var sla = new SlaSettingsPage(page);

        await sla.GotoAsync();
        await checks.AccessibilityAsync(page, "sla Admin");
        await sla.SaveCalendarAsync(
            "Mon 08:00-18:00; Tue 08:00-18:00; Wed 08:00-18:00; Thu 08:00-18:00; Fri 08:00-16:00",
            "2026-12-24 Christmas Eve\n2026-12-25 Christmas Day\n2027-01-01 New Year's Day");
        await Expect(sla.Message).ToHaveTextAsync("The settings were saved.");
        await sla.SavePolicyAsync("High", 1, "business hours", 8, "business hours");
        await Expect(sla.Message).ToHaveTextAsync("The settings were saved.");

        await Expect(page.Locator("#res-High")).ToHaveValueAsync("8");
        await Expect(page.Locator("input[name=weeklyHours]").First).ToHaveValueAsync(
            "Mon 08:00-18:00; Tue 08:00-18:00; Wed 08:00-18:00; Thu 08:00-18:00; Fri 08:00-16:00");
        await Expect(page.Locator("textarea[name=holidays]").First).ToContainTextAsync("2026-12-25 Christmas Day");
    }

    private async Task FileTicketAsync(IPage page, Person user, DayTicket source)
    {
        var form = new TicketFormPage(page);
        var view = new TicketPage(page);
        var attachments = WithAttachment.Contains(source.Index) ? await AttachmentsForAsync(page, source) : [];

        await form.GotoAsync();
        await checks.AccessibilityAsync(page, "new-ticket User");
        var number = await form.FileAsync(source.Subject, source.Description, source.RequestType, attachments);

        await Expect(view.Message).ToHaveTextAsync("The ticket was filed.");
        await Expect(view.Heading).ToContainTextAsync(source.Subject);
        await Expect(view.Status).ToHaveTextAsync("New");
        await Expect(page.Locator("dl.facts").First).ToContainTextAsync(source.RequestType);
        foreach (var file in attachments)
        {
            await Expect(page.GetByRole(AriaRole.Link, new() { Name = Path.GetFileName(file) })).ToBeVisibleAsync();
        }

        await checks.AccessibilityAsync(page, "ticket User");
        tickets.Add(new FiledTicket(number, source, user));
    }

    /// <summary>A text file with the ticket's words, plus a PNG screenshot of the form for every other one.</summary>
    private async Task<string[]> AttachmentsForAsync(IPage page, DayTicket source)
    {
        var text = WriteTextFile($"notes-{source.Index}.txt", $"Notes for the ticket:\n{source.Description}\n");
        if (source.Index % 2 == 1)
        {
            return [text];
        }

        var image = Path.Combine(files, $"screen-{source.Index}.png");
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = image,
            Clip = new Clip { X = 0, Y = 0, Width = 320, Height = 180 },
        });
        return [text, image];
    }
}
