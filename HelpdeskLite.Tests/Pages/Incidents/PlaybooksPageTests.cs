using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class PlaybooksPageTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Unknown_category_changes_no_playbook(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, admin) = await app.ClientForAsync(Role.Admin);
        var before = PhishingSteps(app);

        var unknown = await admin.PostFormAsync("/incidents/playbooks", new() { ["category"] = "99", ["steps"] = "" });
        var missing = await admin.PostFormAsync("/incidents/playbooks", new() { ["steps"] = "" });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Choose a category from the list.", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.NotEmpty(before);
        Assert.Equal(before, PhishingSteps(app));
        Assert.Equal(0, IncidentSteps.AuditCount(app, AuditEvent.Incident_PlaybookChanged));
    }

    private static List<string> PhishingSteps(TestApp app)
    {
        using var db = app.Db.Open();
        return db.PlaybookSteps.Where(s => s.Category == IncidentCategory.Phishing).OrderBy(s => s.Position).Select(s => s.Title).ToList();
    }
}
