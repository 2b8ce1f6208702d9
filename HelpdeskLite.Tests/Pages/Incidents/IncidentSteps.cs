using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Audit;
using HelpdeskLite.Incidents;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Incidents;

/// <summary>Steps the incident tests share: reporting, assessing and moving incidents through the pages.</summary>
internal static partial class IncidentSteps
{
    public static readonly byte[] LogBytes = "2026-12-01 08:00 login failed for admin from 192.0.2.7\n"u8.ToArray();

    public static async Task<long> ReportAsync(TestClient client, string title = "Odd e-mail asking for my password")
    {
        var response = await client.PostMultipartAsync("/incidents/report", new()
        {
            ["Input.Title"] = title,
            ["Input.WhatHappened"] = "A message from 'IT' asked me to confirm my password on a strange site.",
            ["Input.NoticedAt"] = "2026-12-01T09:15",
            ["Input.Affected"] = "My mailbox",
        }, ("files", "auth.log", LogBytes));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(IdInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    public static Incident Incident(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.Incidents.Single(i => i.Id == id);
    }

    public static Task<HttpResponseMessage> AssessAsync(
        TestClient client, TestApp app, long id, long ownerId, string severity = "Medium", string justification = "",
        string? title = null)
    {
        var incident = Incident(app, id);
        return client.PostFormAsync($"/incidents/{id}?handler=Assessment", new()
        {
            ["rowVersion"] = incident.RowVersion.ToString(),
            ["Title"] = title ?? incident.Title,
            ["Category"] = "Phishing",
            ["Confidentiality"] = "Moderate",
            ["Integrity"] = "None",
            ["Availability"] = "None",
            ["UsersAffected"] = "3",
            ["SystemsAffected"] = "",
            ["ScopeNote"] = "Three mailboxes",
            ["PersonalData"] = "false",
            ["Severity"] = severity,
            ["SeverityJustification"] = justification,
            ["DetectionSource"] = "User report",
            ["OwnerId"] = ownerId.ToString(),
            ["Tlp"] = "Amber",
            ["OccurredAt"] = "",
            ["DetectedAt"] = "",
            ["Assets"] = "mail01\nvpn-gw",
        });
    }

    public static Task<HttpResponseMessage> MoveAsync(
        TestClient client, TestApp app, long id, IncidentStatus to, string? actions = null, string? at = null, string? reason = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["rowVersion"] = Incident(app, id).RowVersion.ToString(),
            ["To"] = to.ToString(),
        };
        Add(fields, "Actions", actions);
        Add(fields, "EffectiveAt", at);
        Add(fields, "Reason", reason);
        return client.PostFormAsync($"/incidents/{id}?handler=Transition", fields);
    }

    public static int AuditCount(TestApp app, AuditEvent action)
    {
        using var db = app.Db.Open();
        return db.GetTable<AuditEntry>().Count(e => e.Action == action);
    }

    public static List<Evidence> Evidence(TestApp app, long id)
    {
        using var db = app.Db.Open();
        return db.IncidentEvidence.Where(e => e.IncidentId == id).OrderBy(e => e.Id).ToList();
    }

    private static void Add(Dictionary<string, string> fields, string key, string? value)
    {
        if (value is not null)
        {
            fields[key] = value;
        }
    }

    [GeneratedRegex(@"/incidents/mine/(\d+)")]
    private static partial Regex IdInLocation();
}
