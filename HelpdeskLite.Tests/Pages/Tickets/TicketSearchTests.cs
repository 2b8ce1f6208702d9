using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Pages.Tickets;

public sealed class TicketSearchTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Search_matches_words_and_word_starts(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        await FileAsync(agent, "Printer on floor 3 jams");
        await FileAsync(agent, "Question about VPN tokens");
        await FileAsync(agent, "Share path_to_reports is empty");
        await FileAsync(agent, "Monitor flickers", new() { ["Input.Description"] = "The backlight of the display blinks." });

        var prefix = await agent.GetHtmlAsync("/tickets?view=all&q=print");
        var upper = await agent.GetHtmlAsync("/tickets?view=all&q=PRINTER");
        var description = await agent.GetHtmlAsync("/tickets?view=all&q=backlight");
        var both = await agent.GetHtmlAsync("/tickets?view=all&q=printer+floor");
        var neither = await agent.GetHtmlAsync("/tickets?view=all&q=printer+backlight");
        var common = await agent.GetHtmlAsync("/tickets?view=all&q=about");
        var underscore = await agent.GetHtmlAsync("/tickets?view=all&q=path_to_reports");

        Assert.Contains("Printer on floor 3 jams", prefix);
        Assert.DoesNotContain("Monitor flickers", prefix);
        Assert.Contains("Printer on floor 3 jams", upper);
        Assert.Contains("Monitor flickers", description);
        Assert.DoesNotContain("Printer on floor 3 jams", description);
        Assert.Contains("Printer on floor 3 jams", both);
        Assert.DoesNotContain("Printer on floor 3 jams", neither);
        Assert.DoesNotContain("Monitor flickers", neither);
        Assert.Contains("Question about VPN tokens", common);
        Assert.Contains("Share path_to_reports is empty", underscore);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Short_words_and_symbols_fall_back_to_substring(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        await FileAsync(agent, "PC fan is loud");
        await FileAsync(agent, "Budget +50% for licences");

        var shortWord = await agent.GetHtmlAsync("/tickets?view=all&q=PC");
        var symbols = await agent.GetHtmlAsync("/tickets?view=all&q=" + Uri.EscapeDataString("+50%"));

        Assert.Contains("PC fan is loud", shortWord);
        Assert.DoesNotContain("Budget", shortWord);
        Assert.Contains("for licences", symbols);
        Assert.DoesNotContain("PC fan is loud", symbols);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Search_operators_in_text_are_plain_characters(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        await FileAsync(agent, "Printer on floor 3 jams");

        foreach (var text in new[] { "\"printer", "printer*", "-printer", "printer OR monitor", "NEAR(printer floor)", "~printer <>@()", "subject:printer", "'; DROP TABLE tickets; --" })
        {
            using var response = await agent.GetAsync("/tickets?view=all&q=" + Uri.EscapeDataString(text));

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"Searching {text} answered {(int)response.StatusCode}.");
        }

        var afterAll = await agent.GetHtmlAsync("/tickets?view=all&q=printer");
        Assert.Contains("Printer on floor 3 jams", afterAll);
    }
}
