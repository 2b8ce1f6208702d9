using HelpdeskLite.Data;
using HelpdeskLite.Notifications;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Tests.Notifications;

public sealed class NotificationServiceTests
{
    private const string InternalSecret = "internal-only: the requester's manager approved";
    private const string InvestigationSecret = "lateral movement from host FIN-07";

    private readonly NotificationService notifications = new(TimeProvider.System);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Assignment_reaches_assignee_only(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);

        InTransaction(db, () => notifications.RaiseTicketAssigned(db, ticket, actorId: null));

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(agent.Id, sent.RecipientId);
        Assert.Equal(NotificationKind.TicketAssigned, sent.Kind);
        Assert.Contains(ticket.NumberText, sent.Text);
        Assert.Equal($"/tickets/{ticket.Number}", sent.Link);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Status_change_reaches_requester_without_internal_text(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id, change: t =>
        {
            t.Status = TicketStatus.Resolved;
            t.ResolutionNote = "Replaced the fuser.";
        });
        db.Insert(new TicketComment { TicketId = ticket.Id, AuthorId = agent.Id, Body = InternalSecret, IsInternal = true });

        InTransaction(db, () => notifications.RaiseTicketStatusChanged(db, ticket, agent.Id));

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(requester.Id, sent.RecipientId);
        Assert.Contains("Resolved", sent.Text);
        Assert.DoesNotContain(InternalSecret, sent.Text);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Status_change_by_requester_is_not_sent_to_them(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);

        InTransaction(db, () => notifications.RaiseTicketStatusChanged(db, ticket, requester.Id));

        Assert.Empty(db.Notifications.ToList());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Internal_note_never_reaches_requester(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);
        var note = new TicketComment { TicketId = ticket.Id, AuthorId = agent.Id, Body = InternalSecret, IsInternal = true };

        InTransaction(db, () => notifications.RaiseTicketCommented(db, ticket, note, agent.DisplayName));

        Assert.Empty(db.Notifications.ToList());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Public_comment_reaches_requester_with_excerpt(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);
        var comment = new TicketComment { TicketId = ticket.Id, AuthorId = agent.Id, Body = "Please restart it.\nThen tell me." };

        InTransaction(db, () => notifications.RaiseTicketCommented(db, ticket, comment, agent.DisplayName));

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(requester.Id, sent.RecipientId);
        Assert.Equal(NotificationKind.TicketPublicComment, sent.Kind);
        Assert.Contains("Please restart it. Then tell me.", sent.Text);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Requester_reply_reaches_assignee(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);
        var reply = new TicketComment { TicketId = ticket.Id, AuthorId = requester.Id, Body = "Restarted, still jams." };

        InTransaction(db, () => notifications.RaiseTicketCommented(db, ticket, reply, requester.DisplayName));

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(agent.Id, sent.RecipientId);
        Assert.Equal(NotificationKind.TicketRequesterReplied, sent.Kind);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sla_warning_and_breach_reach_assignee_only(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);

        InTransaction(db, () =>
        {
            notifications.RaiseSlaAtRisk(db, ticket, SlaTarget.Resolution);
            notifications.RaiseSlaBreached(db, ticket, SlaTarget.FirstResponse);
        });

        var sent = db.Notifications.OrderBy(n => n.Id).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, n => Assert.Equal(agent.Id, n.RecipientId));
        Assert.Equal(NotificationKind.SlaAtRisk, sent[0].Kind);
        Assert.Contains("75 % of its resolution time", sent[0].Text);
        Assert.Equal(NotificationKind.SlaBreached, sent[1].Kind);
        Assert.Contains("first response target", sent[1].Text);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Conversion_tells_requester_the_number_only(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);
        var incident = new IncidentFacts(7, "INC-1007", InvestigationSecret);

        InTransaction(db, () => notifications.RaiseTicketConverted(db, ticket, incident, agent.Id));

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(requester.Id, sent.RecipientId);
        Assert.Contains("INC-1007", sent.Text);
        Assert.DoesNotContain(InvestigationSecret, sent.Text);
        Assert.Equal("/incidents/mine/7", sent.Link);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task New_report_reaches_security_officers_only(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (reporter, _, officer, _) = People(db);
        var reportingOfficer = TestRecords.AddUser(db, Role.SecurityOfficer);
        TestRecords.AddUser(db, Role.SecurityOfficer, active: false);
        var incident = new IncidentFacts(3, "INC-1003", "Odd sign-in prompt");

        InTransaction(db, () =>
        {
            notifications.RaiseIncidentReported(db, incident, reporter.Id);
            notifications.RaiseIncidentReported(db, incident with { Id = 4 }, reportingOfficer.Id);
        });

        var sent = db.Notifications.OrderBy(n => n.Id).ToList();
        Assert.Equal([officer.Id, reportingOfficer.Id, officer.Id], sent.Select(n => n.RecipientId));
        Assert.All(sent, n => Assert.Equal(NotificationKind.IncidentReported, n.Kind));
        Assert.DoesNotContain(sent, n => n.RecipientId == reporter.Id);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Incident_and_task_details_reach_security_roles_only(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (user, agent, officer, admin) = People(db);
        var incident = new IncidentFacts(5, "INC-1005", InvestigationSecret);
        var task = new IncidentTaskFacts(9, 5, "INC-1005", "Reimage " + InvestigationSecret);

        InTransaction(db, () =>
        {
            foreach (var person in new[] { user, agent, officer, admin })
            {
                notifications.RaiseIncidentAssigned(db, incident, person.Id, actorId: null);
                notifications.RaiseTaskAssigned(db, task, person.Id, actorId: null);
                notifications.RaiseTaskOverdue(db, task, person.Id);
            }
        });

        var sent = db.Notifications.ToList();
        Assert.Equal(6, sent.Count);
        Assert.All(sent, n => Assert.Contains(n.RecipientId, new[] { officer.Id, admin.Id }));
        Assert.Equal(2, sent.Count(n => n.Kind == NotificationKind.IncidentAssigned));
        Assert.Equal(2, sent.Count(n => n.Kind == NotificationKind.TaskAssigned));
        Assert.Equal(2, sent.Count(n => n.Kind == NotificationKind.TaskOverdue));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Ticket_kinds_never_reach_a_user_who_is_not_the_requester(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, _, _, _) = People(db);
        var otherUser = TestRecords.AddUser(db, Role.User);
        var ticket = TestRecords.AddTicket(db, requester.Id, otherUser.Id);

        InTransaction(db, () =>
        {
            notifications.RaiseTicketAssigned(db, ticket, actorId: null);
            notifications.RaiseSlaAtRisk(db, ticket, SlaTarget.Resolution);
            notifications.RaiseSlaBreached(db, ticket, SlaTarget.Resolution);
            notifications.RaiseTicketCommented(db, ticket,
                new TicketComment { AuthorId = requester.Id, Body = "Any news?" }, requester.DisplayName);
        });

        Assert.Empty(db.Notifications.Where(n => n.RecipientId == otherUser.Id).ToList());
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Opted_out_kind_and_deactivated_user_get_nothing(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var gone = TestRecords.AddUser(db, Role.ItSupport, active: false);
        db.Insert(new NotificationOptOut { UserId = agent.Id, Kind = NotificationKind.TicketAssigned });
        var mine = TestRecords.AddTicket(db, requester.Id, agent.Id);
        var theirs = TestRecords.AddTicket(db, requester.Id, gone.Id);

        InTransaction(db, () =>
        {
            notifications.RaiseTicketAssigned(db, mine, actorId: null);
            notifications.RaiseTicketAssigned(db, theirs, actorId: null);
            notifications.RaiseSlaBreached(db, mine, SlaTarget.Resolution);
        });

        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(NotificationKind.SlaBreached, sent.Kind);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Raising_outside_a_transaction_throws(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);

        var error = Assert.Throws<InvalidOperationException>(
            () => notifications.RaiseTicketAssigned(db, ticket, actorId: null));

        Assert.Contains("inside the transaction", error.Message);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rolled_back_change_leaves_no_notification(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var (requester, agent, _, _) = People(db);
        var ticket = TestRecords.AddTicket(db, requester.Id, agent.Id);

        using (db.BeginTransaction())
        {
            notifications.RaiseTicketAssigned(db, ticket, actorId: null);
        }

        Assert.Empty(db.Notifications.ToList());
    }

    private static (User User, User Agent, User Officer, User Admin) People(HelpdeskDb db) =>
        (TestRecords.AddUser(db, Role.User), TestRecords.AddUser(db, Role.ItSupport),
            TestRecords.AddUser(db, Role.SecurityOfficer), TestRecords.AddUser(db, Role.Admin));

    private static void InTransaction(HelpdeskDb db, Action action)
    {
        using var transaction = db.BeginTransaction();
        action();
        transaction.Commit();
    }
}
