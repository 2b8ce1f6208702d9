using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HelpdeskLite.E2E.Day;

/// <summary>A ticket filed during the day, by whom, and the status the day expects it to have now.</summary>
public sealed class FiledTicket(long number, DayTicket source, Person requester)
{
    public long Number { get; } = number;

    public DayTicket Source { get; } = source;

    public Person Requester { get; } = requester;

    public string Status { get; set; } = "New";

    public string Text => $"T-{Number}";
}

/// <summary>
/// One working day of the helpdesk against one product process: who is signed in where, what
/// was filed, and the state the pages must show. The steps live in the partial files beside it.
/// </summary>
public sealed partial class DayRun(ProductFixture browser, TracedProduct product, DayChecks checks)
{
    private readonly Dictionary<string, string> sessions = [];
    private readonly List<FiledTicket> tickets = [];
    private readonly string files = Directory.CreateTempSubdirectory("hdl-day-files-").FullName;

    public IReadOnlyList<FiledTicket> Tickets => tickets;

    /// <summary>Runs the work in a fresh browser context signed in as the person.</summary>
    private async Task AsAsync(Person person, Func<IPage, Task> work)
    {
        var page = await browser.NewPageAsync(product.Address, sessions[person.Username]);
        try
        {
            await work(page);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    /// <summary>
    /// Signs a new person in with the password the admin gave them and replaces it, as the product
    /// demands at first sign-in, then keeps the session for later steps.
    /// </summary>
    private async Task SignInFirstTimeAsync(IPage page, Person person)
    {
        var signIn = new SignInPage(page);
        var change = new ChangePasswordPage(page);

        await signIn.GotoAsync();
        await checks.AccessibilityAsync(page, "sign-in");
        await signIn.SignInAsync(person.Username, DayPeople.InitialPassword);
        await Expect(change.Heading).ToHaveTextAsync("Change your password");
        await checks.AccessibilityAsync(page, "change-password");
        await change.ChangeAsync(DayPeople.InitialPassword, DayPeople.OwnPassword);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/profile"));
        await checks.AccessibilityAsync(page, $"profile {person.RoleLabel}");
        sessions[person.Username] = await page.Context.StorageStateAsync();
    }

    /// <summary>Opens a ticket, takes a workflow move and checks what the page then shows.</summary>
    private static async Task MoveAsync(IPage page, FiledTicket ticket, string verb, string? text, string status)
    {
        var view = new TicketPage(page);

        await view.GotoAsync(ticket.Number);
        await view.MoveAsync(verb, text);

        await Expect(view.Message).ToHaveTextAsync("The status was changed.");
        await Expect(view.Status).ToHaveTextAsync(status);
        ticket.Status = status;
    }

    private FiledTicket Ticket(long number) => tickets.Single(t => t.Number == number);

    private string WriteTextFile(string name, string text)
    {
        var path = Path.Combine(files, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void DeleteFiles()
    {
        try
        {
            Directory.Delete(files, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
