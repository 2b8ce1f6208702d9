using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Tests.Infrastructure;
using HelpdeskLite.Tickets;
using LinqToDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static HelpdeskLite.Tests.Pages.Tickets.TicketSteps;

namespace HelpdeskLite.Tests.Tickets;

public sealed class SlaMonitorTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Monitor_marks_warning_then_breach(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var number = await FileAsync(user);
        var monitor = app.Services.GetRequiredService<SlaMonitor>();
        var now = DateTime.UtcNow;
        using var db = app.Db.Open();
        db.Tickets.Where(t => t.Number == number)
            .Set(t => t.ResolutionWarnAt, now.AddMinutes(-5))
            .Set(t => t.FirstResponseWarnAt, now.AddMinutes(-5))
            .Update();

        monitor.RunOnce();
        var warned = Ticket(app, number);
        db.Tickets.Where(t => t.Number == number).Set(t => t.ResolutionDue, now.AddMinutes(-1)).Update();
        monitor.RunOnce();
        var breached = Ticket(app, number);

        Assert.Equal(SlaState.AtRisk, warned.SlaState);
        Assert.NotNull(warned.SlaWarnedAt);
        Assert.Equal(SlaState.Breached, breached.SlaState);
        Assert.NotNull(breached.ResolutionBreachedAt);
        Assert.Equal(1, AuditCount(app, number, AuditEvent.Ticket_SlaBreached));
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Monitor_closes_unconfirmed_resolved_ticket(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var (_, user) = await app.ClientForAsync(Role.User);
        var (agentUser, agent) = await app.ClientForAsync(Role.ItSupport);
        var number = await FileAsync(user);
        await MoveAsync(agent, app, number, TicketStatus.Assigned, assigneeId: agentUser.Id);
        await MoveAsync(agent, app, number, TicketStatus.InProgress);
        await MoveAsync(agent, app, number, TicketStatus.Resolved, "Restarted the service.");
        using (var db = app.Db.Open())
        {
            db.Tickets.Where(t => t.Number == number).Set(t => t.AutoCloseAt, DateTime.UtcNow.AddMinutes(-1)).Update();
        }

        app.Services.GetRequiredService<SlaMonitor>().RunOnce();

        Assert.Equal(TicketStatus.Closed, Ticket(app, number).Status);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Only_one_node_holds_the_lease(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var first = app.Services.GetRequiredService<SlaMonitor>();
        var second = new SlaMonitor(app.Db, app.Services.GetRequiredService<AuditLog>(),
            app.Services.GetRequiredService<TicketCommands>(), TimeProvider.System, NullLogger<SlaMonitor>.Instance,
            app.Services.GetRequiredService<HelpdeskLite.Notifications.NotificationService>());

        var firstTook = first.TryTakeLease();
        var secondTook = second.TryTakeLease();
        var firstRenewed = first.TryTakeLease();

        Assert.True(firstTook);
        Assert.False(secondTook);
        Assert.True(firstRenewed);
    }
}
