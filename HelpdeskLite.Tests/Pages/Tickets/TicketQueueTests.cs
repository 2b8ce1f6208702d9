using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Pages.Tickets;

public sealed class TicketQueueTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Htmx_request_gets_only_the_list_fragment(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        await FileAsync(agent, "Monitor flickers");

        var response = await agent.GetHtmxAsync("/tickets?view=open&sort=subject&dir=asc");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<div id=\"ticket-list\">", html.TrimStart().Split('\n', 2)[1].TrimStart());
        Assert.DoesNotContain("<html", html);
        Assert.Contains("Monitor flickers", html);
        Assert.Contains("HX-Request", response.Headers.Vary);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Date_range_includes_the_whole_end_day_in_viewer_zone(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var agent = app.CreateUser(Role.ItSupport, timeZone: "America/New_York");
        using var client = await app.SignInAsync(agent.Username);
        var late = await FileAsync(client, "Filed late on the last day");
        var next = await FileAsync(client, "Filed on the next day");
        using (var db = app.Db.Open())
        {
            // 23:59 on 31 March in New York is 03:59 UTC on 1 April.
            db.Tickets.Where(t => t.Number == late).Set(t => t.CreatedAt, new DateTime(2026, 4, 1, 3, 59, 0, DateTimeKind.Utc)).Update();
            db.Tickets.Where(t => t.Number == next).Set(t => t.CreatedAt, new DateTime(2026, 4, 1, 4, 1, 0, DateTimeKind.Utc)).Update();
        }

        var html = await client.GetHtmlAsync("/tickets?view=all&createdFrom=2026-03-01&createdTo=2026-03-31");

        Assert.Contains("Filed late on the last day", html);
        Assert.DoesNotContain("Filed on the next day", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Unknown_sort_and_huge_page_size_are_bounded(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        await FileAsync(agent, "Keyboard missing keys");

        var html = await agent.GetHtmlAsync("/tickets?view=all&sort=password_hash;drop&dir=sideways&size=1000000&page=-5");

        Assert.Contains("Keyboard missing keys", html);
        Assert.Contains("Page 1", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Filters_narrow_the_list(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (agentUser, agent) = await app.ClientForAsync(Role.ItSupport);
        var assigned = await FileAsync(agent, "Assigned one");
        await FileAsync(agent, "Waiting in the pool");
        await MoveAsync(agent, app, assigned, TicketStatus.Assigned, assigneeId: agentUser.Id);

        var mine = await agent.GetHtmlAsync("/tickets?view=assigned");
        var unassigned = await agent.GetHtmlAsync("/tickets?view=unassigned");
        var byStatus = await agent.GetHtmlAsync("/tickets?view=all&status=Assigned");
        var bySearch = await agent.GetHtmlAsync("/tickets?view=all&q=pool");

        Assert.Contains("Assigned one", mine);
        Assert.DoesNotContain("Waiting in the pool", mine);
        Assert.Contains("Waiting in the pool", unassigned);
        Assert.DoesNotContain("Assigned one", unassigned);
        Assert.Contains("Assigned one", byStatus);
        Assert.DoesNotContain("Waiting in the pool", byStatus);
        Assert.Contains("Waiting in the pool", bySearch);
        Assert.DoesNotContain("Assigned one", bySearch);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task New_ticket_form_offers_requester_only_to_agents(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);

        var userForm = await user.GetHtmlAsync("/tickets/new");
        var agentForm = await agent.GetHtmlAsync("/tickets/new");

        Assert.DoesNotContain("Input.RequesterId", userForm);
        Assert.Contains("Input.RequesterId", agentForm);
        Assert.Contains("Input.PriorityOverride", agentForm);
    }
}
