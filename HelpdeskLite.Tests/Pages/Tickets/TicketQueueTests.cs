using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Pages.Tickets;

public sealed partial class TicketQueueTests
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
        Assert.StartsWith("<div id=\"ticket-list\">", html.TrimStart());
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

    /// <summary>
    /// Leaving the search box fires a change event after the typing already reloaded the list.
    /// Reloading again would swap in a fresh list and clear the rows an agent just ticked for bulk
    /// assign, so the filter form reloads on change only for its other fields.
    /// </summary>
    [Fact]
    public async Task Leaving_search_box_keeps_ticked_rows()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);

        var html = await agent.GetHtmlAsync("/tickets?view=open");

        var form = FilterForm().Match(html);
        Assert.True(form.Success, "The ticket page has no htmx filter form.");
        var change = TriggerSpecs(WebUtility.HtmlDecode(form.Groups["trigger"].Value))
            .Single(spec => spec.StartsWith("change", StringComparison.Ordinal));
        var targets = TargetSelectors(change);
        var fields = FieldSelectors(form.Groups["fields"].Value);
        Assert.Contains("input[type=search]", fields);
        Assert.Contains("select", fields);
        Assert.Contains("input[type=date]", fields);
        foreach (var field in fields)
        {
            var reloads = targets.Count == 0 || targets.Contains(field) || targets.Contains(field.Split('[')[0]);
            var expected = field != "input[type=search]";
            Assert.True(reloads == expected, $"A change of {field} reloads the list: {reloads}, expected {expected}.");
        }
    }

    /// <summary>Splits an hx-trigger value at the commas that separate triggers, not those inside brackets.</summary>
    private static List<string> TriggerSpecs(string trigger)
    {
        var specs = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < trigger.Length; i++)
        {
            depth += trigger[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (trigger[i] == ',' && depth == 0)
            {
                specs.Add(trigger[start..i].Trim());
                start = i + 1;
            }
        }

        specs.Add(trigger[start..].Trim());
        return specs;
    }

    /// <summary>Returns the selectors of a trigger's "target:(…)" filter; none means every event target.</summary>
    private static List<string> TargetSelectors(string spec)
    {
        var target = TargetFilter().Match(spec);
        if (!target.Success)
        {
            return [];
        }

        return target.Groups[1].Value.Split(',')
            .Select(selector => selector.Trim().Replace("\"", "", StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Lists the visible fields of the form as selectors: "select" or "input[type=…]".</summary>
    private static List<string> FieldSelectors(string formHtml) =>
        FieldTag().Matches(formHtml)
            .Select(m => m.Groups["tag"].Value == "select" ? "select" : $"input[type={m.Groups["type"].Value}]")
            .Where(field => field != "input[type=hidden]")
            .Distinct()
            .ToList();

    [GeneratedRegex(
        "<form class=\"filters card\"[^>]*hx-trigger=\"(?<trigger>[^\"]*)\"[^>]*>(?<fields>.*?)</form>",
        RegexOptions.Singleline)]
    private static partial Regex FilterForm();

    [GeneratedRegex(@"target:\(([^)]*)\)")]
    private static partial Regex TargetFilter();

    [GeneratedRegex("<(?<tag>select|input)\\b(?:[^>]*\\btype=\"(?<type>[^\"]*)\")?")]
    private static partial Regex FieldTag();
}
