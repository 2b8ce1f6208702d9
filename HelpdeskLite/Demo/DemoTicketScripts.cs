using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Demo;

/// <summary>
/// The life of each demo ticket as the people in it would live it: filed, assigned, worked,
/// asked about, resolved and confirmed. Steps that would fall after now are dropped, so older
/// tickets end closed and newer ones stop earlier in the workflow.
/// </summary>
internal sealed class DemoTicketScripts(DemoSchedule schedule, DemoContext demo, Random random)
{
    private static readonly string[] Questions =
    [
        "Could you tell me the asset tag of the computer? It is on a sticker underneath.",
        "Does this happen on the office network, at home, or both?",
        "Which application shows the error, and what does the message say exactly?",
        "Could you send a screenshot of what you see?",
        "Who approves this for your team? I need their name before I can go ahead.",
    ];

    private static readonly string[] Replies =
    [
        "The tag is LT-2207.",
        "Only in the office; at home it works.",
        "It says the connection was refused. Screenshot attached to my e-mail, sorry, I will attach it here next time.",
        "My manager approves it; she is copied on the request.",
        "It started this morning after the restart.",
    ];

    private static readonly string[] Updates =
    [
        "I have ordered the part; it should arrive in two working days.",
        "I am looking into this now.",
        "I can reproduce it and am checking with the vendor.",
        "Thanks, that helps. I will come by your desk after lunch.",
    ];

    private static readonly string[] Notes =
    [
        "Same symptom as last month on the second floor; probably the switch again.",
        "Licence pool is nearly empty; raise it at the next budget meeting.",
        "Requester already has a similar ticket; keep them together.",
    ];

    private static readonly string[] Resolutions =
    [
        "Done. Please check and confirm that it works for you.",
        "Access granted; it may take up to an hour to show up.",
        "Replaced the faulty part and tested it with you.",
        "Installed and licensed; you will find it in the start menu.",
        "Reset and synchronised. Sign in again with your new password.",
    ];

    private static readonly string[] ReopenReasons =
    [
        "It worked for a day, but the problem is back.",
        "I still cannot open the folder.",
    ];

    private TicketCommands Tickets => demo.Get<TicketCommands>();

    /// <summary>Spreads the texts evenly over the span and schedules each ticket's life.</summary>
    public void AddAll(IReadOnlyList<DemoTicketText> texts, DateTimeOffset start, DateTimeOffset end)
    {
        var span = end - start - TimeSpan.FromHours(1);
        for (var i = 0; i < texts.Count; i++)
        {
            // Filing drifts into working hours, except where that would pass the end.
            var moment = start + span * ((i + random.NextDouble()) / texts.Count);
            var filed = DemoWorkingTime.Next(moment, random);
            Add(texts[i], filed < end ? filed : moment);
        }
    }

    private void Add(DemoTicketText text, DateTimeOffset filed)
    {
        var script = new DemoScript();
        var requester = Pick(demo.Usernames(Role.User));
        var agent = Pick(demo.Usernames(Role.ItSupport));
        var input = new NewTicketInput
        {
            Subject = text.Subject,
            Description = text.Description,
            RequestType = text.RequestType,
            Impact = PickLevel(),
            Urgency = PickLevel(),
        };
        schedule.Add(filed, script, async s =>
        {
            var result = await Tickets.CreateAsync(demo.Viewer(requester), demo.Actor(requester), input, []);
            s.Number = result.Number;
            return result.Succeeded;
        });

        // A few tickets wait in the queue, unassigned or unstarted, and breach their targets.
        var fate = random.NextDouble();
        if (fate < 0.05)
        {
            return;
        }

        var at = Later(filed, 20, 240, agent: true);
        schedule.Add(at, script, s => Tickets.Assign(
            demo.Viewer(agent), demo.Actor(agent), s.Number, demo.TicketVersion(s.Number), demo.IdOf(agent)).Succeeded);
        if (fate < 0.10)
        {
            return;
        }

        at = Later(at, 10, 180, agent: true);
        Move(script, at, agent, TicketStatus.InProgress, null);
        at = AddConversation(script, at, requester, agent);
        if (at == DateTimeOffset.MaxValue)
        {
            return;
        }

        at = Later(at, 60, 4320, agent: true);
        Move(script, at, agent, TicketStatus.Resolved, Pick(Resolutions));
        AddEnding(script, at, requester, agent);
    }

    /// <summary>Adds questions, replies and notes; returns MaxValue when the ticket stays waiting.</summary>
    private DateTimeOffset AddConversation(DemoScript script, DateTimeOffset at, string requester, string agent)
    {
        if (random.NextDouble() < 0.35)
        {
            at = Later(at, 30, 300, agent: true);
            Move(script, at, agent, TicketStatus.WaitingForUser, Pick(Questions));
            if (random.NextDouble() < 0.12)
            {
                return DateTimeOffset.MaxValue;
            }

            at = Later(at, 60, 1800, agent: false);
            Comment(script, at, requester, Pick(Replies), isInternal: false);
        }
        else if (random.NextDouble() < 0.5)
        {
            at = Later(at, 30, 600, agent: true);
            Comment(script, at, agent, Pick(Updates), isInternal: false);
        }

        if (random.NextDouble() < 0.2)
        {
            at = Later(at, 5, 120, agent: true);
            Comment(script, at, agent, Pick(Notes), isInternal: true);
        }

        return at;
    }

    /// <summary>The requester confirms, reopens, or leaves the ticket for automatic closing.</summary>
    private void AddEnding(DemoScript script, DateTimeOffset at, string requester, string agent)
    {
        var ending = random.NextDouble();
        if (ending < 0.07)
        {
            at = Later(at, 120, 1440, agent: false);
            Move(script, at, requester, TicketStatus.InProgress, Pick(ReopenReasons));
            at = Later(at, 60, 1440, agent: true);
            Move(script, at, agent, TicketStatus.Resolved, Pick(Resolutions));
            at = Later(at, 60, 1440, agent: false);
            Move(script, at, requester, TicketStatus.Closed, null);
        }
        else if (ending < 0.65)
        {
            at = Later(at, 30, 1440, agent: false);
            Move(script, at, requester, TicketStatus.Closed, null);
        }
    }

    private void Move(DemoScript script, DateTimeOffset at, string username, TicketStatus to, string? text) =>
        schedule.Add(at, script, s => Tickets.Transition(
            demo.Viewer(username), demo.Actor(username), s.Number, demo.TicketVersion(s.Number), to, text, null).Succeeded);

    private void Comment(DemoScript script, DateTimeOffset at, string username, string text, bool isInternal) =>
        schedule.Add(at, script, async s =>
            (await Tickets.CommentAsync(demo.Viewer(username), demo.Actor(username), s.Number, text, isInternal, [])).Succeeded);

    private DateTimeOffset Later(DateTimeOffset at, int minMinutes, int maxMinutes, bool agent)
    {
        var next = at + TimeSpan.FromMinutes(random.Next(minMinutes, maxMinutes));
        return agent ? DemoWorkingTime.Next(next, random) : next;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Level PickLevel() => random.NextDouble() switch
    {
        < 0.45 => Level.Low,
        < 0.85 => Level.Medium,
        _ => Level.High,
    };
}

/// <summary>Moves a time into the demo office's working hours, where agents act.</summary>
internal static class DemoWorkingTime
{
    public static DateTimeOffset Next(DateTimeOffset at, Random random)
    {
        var zone = TimeZones.Find(DemoPeople.TimeZone);
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var day = local.Date;
        var time = local.TimeOfDay;
        if (time >= TimeSpan.FromHours(17.5))
        {
            day = day.AddDays(1);
            time = TimeSpan.Zero;
        }

        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            day = day.AddDays(1);
            time = TimeSpan.Zero;
        }

        if (time < TimeSpan.FromHours(8.5))
        {
            time = TimeSpan.FromHours(8.5) + TimeSpan.FromMinutes(random.Next(0, 90));
        }

        var wall = day + time;
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall));
    }
}
