using System.Net;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Pages.Incidents;

public sealed class EvidenceTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Download_with_hash_mismatch_is_refused_loudly(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        var evidence = IncidentSteps.Evidence(app, id).Single();
        var url = $"/incidents/{id}/evidence/{evidence.Id}";
        using var good = await officer.GetAsync(url);
        var goodBytes = await good.Content.ReadAsByteArrayAsync();
        var root = app.Services.GetRequiredService<FileStore>().Root;
        var path = Directory.EnumerateFiles(root, evidence.StorageKey!, SearchOption.AllDirectories).Single();
        await File.WriteAllTextAsync(path, "2026-12-01 08:00 nothing happened\n");

        using var bad = await officer.GetAsync(url);
        var text = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(IncidentSteps.LogBytes, goodBytes);
        Assert.Equal("nosniff", good.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.InternalServerError, bad.StatusCode);
        Assert.Contains("Integrity check failed", text);
        Assert.Contains(evidence.Sha256, text);
        Assert.DoesNotContain("nothing happened", text);
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_EvidenceDownloaded));
        Assert.Equal(1, IncidentSteps.AuditCount(app, AuditEvent.Incident_EvidenceIntegrityFailed));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Evidence_rows_cannot_be_edited_or_deleted(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, reporter) = await app.ClientForAsync(Role.User);
        var (_, officer) = await app.ClientForAsync(Role.SecurityOfficer);
        var id = await IncidentSteps.ReportAsync(reporter);
        var evidence = IncidentSteps.Evidence(app, id).Single();

        var supersede = await officer.PostFormAsync($"/incidents/{id}?handler=Supersede",
            new() { ["evidenceId"] = evidence.Id.ToString(), ["reason"] = "Wrong log file" });
        using var db = app.Db.Open();
        var edit = Record.Exception(() => db.IncidentEvidence.Where(e => e.Id == evidence.Id).Set(e => e.Sha256, "0").Update());
        var delete = Record.Exception(() => db.IncidentEvidence.Delete(e => e.Id == evidence.Id));
        var unsupersede = Record.Exception(() =>
            db.IncidentEvidence.Where(e => e.Id == evidence.Id).Set(e => e.SupersededReason, (string?)null).Update());

        Assert.Equal(HttpStatusCode.Redirect, supersede.StatusCode);
        Assert.NotNull(edit);
        Assert.NotNull(delete);
        Assert.NotNull(unsupersede);
        var after = db.IncidentEvidence.Single(e => e.Id == evidence.Id);
        Assert.Equal(evidence.Sha256, after.Sha256);
        Assert.Equal("Wrong log file", after.SupersededReason);
    }
}
