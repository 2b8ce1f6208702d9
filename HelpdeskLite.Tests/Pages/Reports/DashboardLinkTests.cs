using System.Text.RegularExpressions;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Notifications;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Reports;

/// <summary>Follows every number on the IT Support and Security Officer dashboards and counts the list it opens.</summary>
public sealed partial class DashboardLinkTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Each_number_matches_its_list(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (agentUser, agent) = await app.ClientForAsync(Role.ItSupport);
        var (officer, officerClient) = await app.ClientForAsync(Role.SecurityOfficer);
        var now = DateTime.UtcNow;
        using (var db = app.Db.Open())
        {
            var requester = TestRecords.AddUser(db, Role.User);
            foreach (var hours in new[] { 2, 30, 50, 100, 200, 400 })
            {
                TestRecords.AddTicket(db, requester.Id, createdAt: now.AddHours(-hours));
            }

            TestRecords.AddTicket(db, requester.Id, agentUser.Id, now.AddHours(-5));

            var open = AddIncident(db, requester.Id, 7001, IncidentStatus.Investigating, Severity.Critical);
            var closed = AddIncident(db, requester.Id, 7002, IncidentStatus.Closed, Severity.Critical);
            AddIncident(db, requester.Id, 7003, IncidentStatus.Triaged, Severity.Low);
            foreach (var (incident, daysLate) in new[] { (open, 3), (open, 1), (closed, 5) })
            {
                db.Insert(new IncidentTask
                {
                    IncidentId = incident, Kind = IncidentTaskKind.Corrective, Title = "Fix", OwnerId = officer.Id,
                    DueDate = now.Date.AddDays(-daysLate), CreatedAt = now,
                });
            }
        }

        var agentLinks = StatLinks(await agent.GetHtmlAsync("/"), "/tickets");
        var officerLinks = StatLinks(await officerClient.GetHtmlAsync("/"), "/incidents");

        Assert.Contains(agentLinks, l => l.Url.Contains("age=1-3", StringComparison.Ordinal) && l.Count == 2);
        Assert.Contains(agentLinks, l => l.Url == "/tickets?view=assigned" && l.Count == 1);
        Assert.Contains(officerLinks, l => l.Url.Contains("severity=Critical", StringComparison.Ordinal) && l.Count == 1);
        Assert.Contains("2</span> overdue tasks, on 1 incident", await officerClient.GetHtmlAsync("/"));
        foreach (var (url, count) in agentLinks)
        {
            Assert.True(count == TicketRows(await agent.GetHtmlAsync(url)), $"{url}: the dashboard says {count}");
        }

        // The overdue card counts tasks and names the incidents they are on, which its list shows (checked below).
        foreach (var (url, count) in officerLinks.Where(l => !l.Url.Contains("overdue", StringComparison.Ordinal)))
        {
            Assert.True(count == IncidentRows(await officerClient.GetHtmlAsync(url)), $"{url}: the dashboard says {count}");
        }

        Assert.Equal(1, IncidentRows(await officerClient.GetHtmlAsync("/incidents?overdue=true")));
    }

    private static long AddIncident(HelpdeskDb db, long reporterId, long number, IncidentStatus status, Severity severity) =>
        db.InsertWithInt64Identity(new Incident
        {
            Number = number, Title = $"Incident {number}", ReporterId = reporterId, Status = status, Severity = severity,
            ReportedAt = DateTime.UtcNow.AddDays(-10), UpdatedAt = DateTime.UtcNow,
        });

    /// <summary>Returns the linked numbers in the dashboard's count tables whose link starts with the prefix.</summary>
    private static List<(string Url, int Count)> StatLinks(string html, string prefix) =>
        CountLink().Matches(html).Concat(StatCard().Matches(html))
            .Select(m => (Url: System.Net.WebUtility.HtmlDecode(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value)))
            .Where(l => l.Url.StartsWith(prefix, StringComparison.Ordinal))
            .ToList();

    private static int TicketRows(string html) => SelectBox().Count(html);

    private static int IncidentRows(string html) => IncidentLink().Count(html);

    [GeneratedRegex("<a href=\"([^\"]+)\">(\\d+)</a>")]
    private static partial Regex CountLink();

    [GeneratedRegex("<a class=\"card stat[^\"]*\" href=\"([^\"]+)\"><span class=\"stat-value\">(\\d+)</span>")]
    private static partial Regex StatCard();

    [GeneratedRegex("name=\"selected\"")]
    private static partial Regex SelectBox();

    [GeneratedRegex("<td><a href=\"/incidents/\\d+\">")]
    private static partial Regex IncidentLink();
}
