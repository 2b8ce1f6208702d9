using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Tickets;

/// <summary>Steps the ticket tests share: filing through the form, reading state, posting actions.</summary>
internal static partial class TicketSteps
{
    public static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"u8.ToArray();

    public static async Task<long> FileAsync(
        TestClient client, string subject = "Printer on floor 3 jams", Dictionary<string, string>? extra = null,
        params (string Field, string FileName, byte[] Content)[] files)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Subject"] = subject,
            ["Input.Description"] = "It jams on every second page.\nTried a new tray.",
            ["Input.RequestType"] = "Hardware",
            ["Input.Impact"] = "Medium",
            ["Input.Urgency"] = "Medium",
        };
        foreach (var (key, value) in extra ?? [])
        {
            fields[key] = value;
        }

        var response = await client.PostMultipartAsync("/tickets/new", fields, files);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return long.Parse(NumberInLocation().Match(response.Headers.Location!.ToString()).Groups[1].Value);
    }

    public static Ticket Ticket(TestApp app, long number)
    {
        using var db = app.Db.Open();
        return db.Tickets.Single(t => t.Number == number);
    }

    public static Task<HttpResponseMessage> MoveAsync(
        TestClient client, TestApp app, long number, TicketStatus to, string? text = null, long? assigneeId = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["rowVersion"] = Ticket(app, number).RowVersion.ToString(),
            ["to"] = to.ToString(),
        };
        if (text is not null)
        {
            fields["text"] = text;
        }

        if (assigneeId is { } id)
        {
            fields["assigneeId"] = id.ToString();
        }

        return client.PostFormAsync($"/tickets/{number}?handler=Transition", fields);
    }

    public static int AuditCount(TestApp app, long number, HelpdeskLite.Audit.AuditEvent action)
    {
        using var db = app.Db.Open();
        var key = TicketNames.Format(number);
        return db.GetTable<HelpdeskLite.Audit.AuditEntry>().Count(e => e.EntityId == key && e.Action == action);
    }

    [GeneratedRegex(@"/tickets/(\d+)")]
    private static partial Regex NumberInLocation();
}
