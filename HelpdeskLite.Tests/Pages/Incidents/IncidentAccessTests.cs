using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class IncidentAccessTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Hidden_incident_doors_return_404(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, stranger) = await app.ClientForAsync(Role.User);
        var (_, agent) = await app.ClientForAsync(Role.ItSupport);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var id = await IncidentSteps.ReportAsync(reporter);
        var evidenceId = IncidentSteps.Evidence(app, id).Single().Id;
        var clients = new Dictionary<string, TestClient>
        {
            ["reporter"] = reporter, ["stranger"] = stranger, ["agent"] = agent, ["officer"] = officer, ["admin"] = admin,
        };
        var gets = new (string Url, string[] Allowed)[]
        {
            ("/incidents", ["officer", "admin"]),
            ($"/incidents/{id}", ["officer", "admin"]),
            ($"/incidents/{id}/evidence/{evidenceId}", ["officer", "admin"]),
            ($"/incidents/{id}/evidence/{evidenceId + 1000}", []),
            ("/incidents/observables?value=192.0.2.7", ["officer", "admin"]),
            ("/incidents/playbooks", ["admin"]),
            ($"/incidents/mine/{id}", ["reporter"]),
            ("/incidents/mine", ["reporter", "stranger", "agent", "officer", "admin"]),
            ("/incidents/report", ["reporter", "stranger", "agent", "officer", "admin"]),
            ("/incidents/999999", []),
        };

        foreach (var (url, allowed) in gets)
        {
            foreach (var (name, client) in clients)
            {
                using var response = await client.GetAsync(url);
                var expected = allowed.Contains(name) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
                Assert.True(expected == response.StatusCode, $"GET {url} as {name}: expected {expected}, got {response.StatusCode}");
            }
        }

        foreach (var name in new[] { "reporter", "stranger", "agent" })
        {
            var client = clients[name];
            using var htmx = await client.GetHtmxAsync($"/incidents/{id}");
            using var comment = await client.PostFormAsync($"/incidents/{id}?handler=Comment", new() { ["body"] = "x" });
            using var message = await client.PostHtmxAsync($"/incidents/{id}?handler=Message", new() { ["body"] = "x" });
            using var move = await client.PostFormAsync($"/incidents/{id}?handler=Transition", new() { ["rowVersion"] = "0", ["To"] = "Triaged" });
            using var playbook = await client.PostFormAsync("/incidents/playbooks", new() { ["category"] = "Phishing", ["steps"] = "x" });
            Assert.Equal(HttpStatusCode.NotFound, htmx.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, message.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, move.StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, playbook.StatusCode);
        }

        Assert.Equal(IncidentStatus.New, IncidentSteps.Incident(app, id).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reporter_sees_status_and_messages_but_not_investigation(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        await officer.PostFormAsync($"/incidents/{id}?handler=Comment", new() { ["body"] = "Internal: sender is a known actor" });
        await officer.PostFormAsync($"/incidents/{id}?handler=Message", new() { ["body"] = "Thanks, we are on it." });

        var html = await reporter.GetHtmlAsync($"/incidents/mine/{id}");

        Assert.Contains("Thanks, we are on it.", html);
        Assert.Contains("Received", html);
        Assert.DoesNotContain("known actor", html);
        Assert.DoesNotContain("auth.log", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reporter_keeps_seeing_their_own_title(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officerUser, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter, "Odd e-mail asking for my password");
        using var renamed = await IncidentSteps.AssessAsync(
            officer, app, id, officerUser.Id, title: "Credential phishing by actor FIN-7 against payroll");
        Assert.Equal("Credential phishing by actor FIN-7 against payroll", IncidentSteps.Incident(app, id).Title);

        var list = await reporter.GetHtmlAsync("/incidents/mine");
        var statusView = await reporter.GetHtmlAsync($"/incidents/mine/{id}");

        foreach (var html in new[] { list, statusView })
        {
            Assert.Contains("Odd e-mail asking for my password", html);
            Assert.DoesNotContain("FIN-7", html);
        }

        Assert.Contains("FIN-7", await officer.GetHtmlAsync($"/incidents/{id}"));
    }
}
