using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class FalsePositiveTests
{
    private const string Reason = "The mail came from our own phishing awareness campaign.";

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task New_report_closes_as_false_positive_with_reason(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);

        var withoutReason = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed);
        var afterRefusal = IncidentSteps.Incident(app, id);
        var close = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: Reason);
        var closed = IncidentSteps.Incident(app, id);
        var page = await officer.GetHtmlAsync($"/incidents/{id}");
        var statusView = await reporter.GetHtmlAsync($"/incidents/mine/{id}");

        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.Contains("Give the reason why this is a false positive.", await withoutReason.Content.ReadAsStringAsync());
        Assert.Equal(IncidentStatus.New, afterRefusal.Status);
        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.True(closed.FalsePositive);
        Assert.Equal(Reason, closed.FalsePositiveReason);
        Assert.NotNull(closed.ClosedAt);
        Assert.Contains(Timeline(app, id), e => e.Kind == TimelineKind.StatusChanged && e.Body.Contains(Reason));
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_ClosedAsFalsePositive));
        Assert.Equal(0, IncidentSteps.AuditCount(app, AuditEvent.Incident_StatusChanged));
        Assert.Contains("False positive", page);
        Assert.Contains("Closed", statusView);
        Assert.DoesNotContain(Reason, statusView);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Triaged_incident_closes_without_review(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officerUser, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        await IncidentSteps.AssessAsync(officer, app, id, officerUser.Id);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Triaged);

        var close = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: Reason);

        Assert.Equal(HttpStatusCode.Redirect, close.StatusCode);
        var closed = IncidentSteps.Incident(app, id);
        Assert.Equal(IncidentStatus.Closed, closed.Status);
        Assert.Null(closed.RootCause);
        Assert.True(closed.FalsePositive);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Investigating_incident_cannot_skip_to_closed(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (officerUser, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        await IncidentSteps.AssessAsync(officer, app, id, officerUser.Id);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Triaged);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Investigating);

        var close = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: Reason);

        Assert.Equal(HttpStatusCode.BadRequest, close.StatusCode);
        Assert.Contains("cannot move from Investigating to Closed", await close.Content.ReadAsStringAsync());
        var incident = IncidentSteps.Incident(app, id);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.False(incident.FalsePositive);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Reopening_clears_the_false_positive_mark(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Closed, reason: Reason);

        var reopen = await IncidentSteps.MoveAsync(officer, app, id, IncidentStatus.Investigating, reason: "Second mail was real");

        Assert.Equal(HttpStatusCode.Redirect, reopen.StatusCode);
        var incident = IncidentSteps.Incident(app, id);
        Assert.Equal(IncidentStatus.Investigating, incident.Status);
        Assert.False(incident.FalsePositive);
        Assert.Null(incident.FalsePositiveReason);
        Assert.Null(incident.ClosedAt);
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_Reopened));
    }

    private static List<TimelineEntry> Timeline(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentTimeline.Where(e => e.IncidentId == id).OrderBy(e => e.Id).ToList();
    }
}
