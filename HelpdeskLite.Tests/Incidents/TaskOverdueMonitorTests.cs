using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tests.Notifications;
using LinqToDB;
using Microsoft.Extensions.Logging.Abstractions;

namespace HelpdeskLite.Tests.Incidents;

public sealed class TaskOverdueMonitorTests
{
    private static readonly DateTime DueDate = new(2026, 12, 3, 0, 0, 0, DateTimeKind.Utc);

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Overdue_task_owner_is_told_once(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var owner = TestRecords.AddUser(db, Role.SecurityOfficer);
        var incidentId = AddIncident(db, IncidentStatus.Investigating);
        var taskId = AddTask(db, incidentId, owner.Id);
        var monitor = Monitor(database, new DateTime(2026, 12, 4, 0, 30, 0, DateTimeKind.Utc));

        var first = monitor.RunOnce();
        var second = monitor.RunOnce();

        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var sent = Assert.Single(db.Notifications.ToList());
        Assert.Equal(owner.Id, sent.RecipientId);
        Assert.Equal(NotificationKind.TaskOverdue, sent.Kind);
        Assert.Equal("Task \"Collect firewall logs\" on INC-5001 is overdue.", sent.Text);
        Assert.NotNull(db.IncidentTasks.Single(t => t.Id == taskId).OverdueNotifiedAt);
        Assert.Equal(1, db.GetTable<HelpdeskLite.Audit.AuditEntry>()
            .Count(e => e.Action == HelpdeskLite.Audit.AuditEvent.Incident_TaskOverdue));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Due_date_ends_in_the_owners_zone(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var owner = TestRecords.AddUser(db, Role.SecurityOfficer);
        db.Users.Where(u => u.Id == owner.Id).Set(u => u.TimeZone, "America/Los_Angeles").Update();
        AddTask(db, AddIncident(db, IncidentStatus.Investigating), owner.Id);

        // 07:00 UTC on 4 December is still 3 December (23:00) in Los Angeles.
        var early = Monitor(database, new DateTime(2026, 12, 4, 7, 0, 0, DateTimeKind.Utc)).RunOnce();
        var late = Monitor(database, new DateTime(2026, 12, 4, 8, 30, 0, DateTimeKind.Utc)).RunOnce();

        Assert.Equal(0, early);
        Assert.Equal(1, late);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Done_unowned_and_closed_tasks_raise_nothing(DatabaseKind kind)
    {
        using var database = await TestDatabase.CreateAsync(kind);
        using var db = database.Factory.Open();
        var owner = TestRecords.AddUser(db, Role.SecurityOfficer);
        var open = AddIncident(db, IncidentStatus.Investigating);
        AddTask(db, open, owner.Id, done: true);
        AddTask(db, open, ownerId: null);
        AddTask(db, AddIncident(db, IncidentStatus.Closed), owner.Id);
        db.Insert(new NotificationOptOut { UserId = owner.Id, Kind = NotificationKind.TaskOverdue });
        var optedOutTask = AddTask(db, open, owner.Id);

        var marked = Monitor(database, new DateTime(2026, 12, 10, 0, 0, 0, DateTimeKind.Utc)).RunOnce();

        Assert.Equal(1, marked);
        Assert.NotNull(db.IncidentTasks.Single(t => t.Id == optedOutTask).OverdueNotifiedAt);
        Assert.Empty(db.Notifications.ToList());
    }

    private static TaskOverdueMonitor Monitor(TestDatabase database, DateTime now)
    {
        var clock = new FixedClock(now);
        return new TaskOverdueMonitor(database.Factory, database.CreateAuditLog(clock), new NotificationService(clock),
            clock, NullLogger<TaskOverdueMonitor>.Instance);
    }

    private static long AddIncident(HelpdeskDb db, IncidentStatus status)
    {
        var reporter = TestRecords.AddUser(db, Role.User);
        var number = 5001 + db.Incidents.Count();
        return db.InsertWithInt64Identity(new Incident
        {
            Number = number,
            Title = "Suspicious VPN sign-ins",
            ReporterId = reporter.Id,
            Status = status,
            ReportedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc),
        });
    }

    private static long AddTask(HelpdeskDb db, long incidentId, long? ownerId, bool done = false) =>
        db.InsertWithInt64Identity(new IncidentTask
        {
            IncidentId = incidentId,
            Kind = IncidentTaskKind.Investigation,
            Title = "Collect firewall logs",
            OwnerId = ownerId,
            DueDate = DueDate,
            IsDone = done,
            CreatedAt = new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc),
        });

    private sealed class FixedClock(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
