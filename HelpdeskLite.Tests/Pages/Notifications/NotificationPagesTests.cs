using System.Net;
using HelpdeskLite.Data;
using HelpdeskLite.Notifications;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Pages.Notifications;

public sealed class NotificationPagesTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Bell_shows_unread_count_and_polls(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        Add(app, user.Id, "First");
        Add(app, user.Id, "Second");
        Add(app, user.Id, "Seen", read: true);

        var page = await client.GetHtmlAsync("/");
        using var bell = await client.GetHtmxAsync("/notifications?handler=bell");
        var fragment = await bell.Content.ReadAsStringAsync();

        Assert.Contains("Notifications, 2 unread", page);
        Assert.Contains("hx-trigger=\"every 30s\"", page);
        Assert.Equal(HttpStatusCode.OK, bell.StatusCode);
        Assert.StartsWith("<a id=\"notification-bell\"", fragment.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<span class=\"bell-count\">2</span>", fragment);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Marking_another_persons_notification_answers_404(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, client) = await app.ClientForAsync(Role.User);
        var other = app.CreateUser(Role.User);
        var theirs = Add(app, other.Id, "Not yours");

        using var response = await client.PostFormAsync($"/notifications?handler=Read&id={theirs}", []);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var db = app.Db.Open();
        Assert.False(db.Notifications.Single(n => n.Id == theirs).IsRead);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Mark_one_and_mark_all_read(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        var other = app.CreateUser(Role.User);
        var first = Add(app, user.Id, "First");
        Add(app, user.Id, "Second");
        var theirs = Add(app, other.Id, "Theirs");

        using var one = await client.PostFormAsync($"/notifications?handler=Read&id={first}", []);
        int afterOne;
        using (var db = app.Db.Open())
        {
            afterOne = db.Notifications.Count(n => n.RecipientId == user.Id && !n.IsRead);
        }

        using var all = await client.PostFormAsync("/notifications?handler=ReadAll", []);

        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);
        Assert.Equal(1, afterOne);
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        using var after = app.Db.Open();
        Assert.Equal(0, after.Notifications.Count(n => n.RecipientId == user.Id && !n.IsRead));
        Assert.False(after.Notifications.Single(n => n.Id == theirs).IsRead);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Mark_all_without_antiforgery_token_is_rejected(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        Add(app, user.Id, "First");

        using var response = await client.Http.PostAsync(
            "/notifications?handler=ReadAll", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var db = app.Db.Open();
        Assert.Equal(1, db.Notifications.Count(n => !n.IsRead));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Preferences_store_opt_outs(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.ItSupport);

        using var response = await client.PostFormAsync("/notifications/preferences", new()
        {
            ["Received"] = nameof(NotificationKind.TicketAssigned),
        });
        var html = await client.GetHtmlAsync("/notifications/preferences");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var db = app.Db.Open();
        var optedOut = db.NotificationOptOuts.Where(o => o.UserId == user.Id).Select(o => o.Kind).ToList();
        Assert.Equal(NotificationKinds.All.Count - 1, optedOut.Count);
        Assert.DoesNotContain(NotificationKind.TicketAssigned, optedOut);
        Assert.Contains("value=\"TicketAssigned\" checked=\"checked\"", html);
        Assert.DoesNotContain("value=\"SlaBreached\" checked", html);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Demoted_user_sees_no_staff_notifications(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (user, client) = await app.ClientForAsync(Role.User);
        Add(app, user.Id, "Your ticket T-1 is now Resolved.");
        Add(app, user.Id, "New security report INC-1001: salary sheet open", kind: NotificationKind.IncidentReported);
        Add(app, user.Id, "T-1002 \"Payroll export\" (High) is assigned to you.", kind: NotificationKind.TicketAssigned);

        var html = await client.GetHtmlAsync("/notifications");
        using var bell = await client.GetHtmxAsync("/notifications?handler=bell");
        var fragment = await bell.Content.ReadAsStringAsync();

        Assert.Contains("Your ticket T-1 is now Resolved.", html);
        Assert.DoesNotContain("salary sheet", html);
        Assert.DoesNotContain("Payroll export", html);
        Assert.Contains("<span class=\"bell-count\">1</span>", fragment);
    }

    private static long Add(
        TestApp app, long recipientId, string text, bool read = false,
        NotificationKind kind = NotificationKind.TicketStatusChanged)
    {
        using var db = app.Db.Open();
        return db.InsertWithInt64Identity(new Notification
        {
            RecipientId = recipientId,
            Kind = kind,
            EntityType = "ticket",
            EntityId = 1,
            Link = "/tickets/1",
            Text = text,
            CreatedAt = DateTime.UtcNow,
            IsRead = read,
        });
    }
}
