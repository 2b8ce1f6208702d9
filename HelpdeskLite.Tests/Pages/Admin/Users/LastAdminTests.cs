using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Admin.Users;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Pages.Admin.Users;

public sealed class LastAdminTests
{
    private static readonly AuditActor Actor = new(null, "test", "127.0.0.1");

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Last_active_admin_cannot_be_demoted_or_deactivated(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var admin = app.CreateUser(Role.Admin);
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();

        var demote = commands.ChangeRole(admin.Id, admin.RowVersion, Role.User, Actor);
        var deactivate = commands.SetActive(admin.Id, admin.RowVersion, false, Actor);

        Assert.Equal(UserCommands.LastAdminMessage, demote);
        Assert.Equal(UserCommands.LastAdminMessage, deactivate);
        using var db = app.Db.Open();
        var stored = db.Users.Single(u => u.Id == admin.Id);
        Assert.Equal(Role.Admin, stored.Role);
        Assert.True(stored.IsActive);
        Assert.Equal(admin.SecurityStamp, stored.SecurityStamp);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Admin_with_active_peer_can_be_demoted(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var admin = app.CreateUser(Role.Admin);
        var peer = app.CreateUser(Role.Admin);
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();

        var demote = commands.ChangeRole(admin.Id, admin.RowVersion, Role.User, Actor);
        var deactivatePeer = commands.SetActive(peer.Id, peer.RowVersion, false, Actor);

        Assert.Null(demote);
        Assert.Equal(UserCommands.LastAdminMessage, deactivatePeer);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deactivated_admin_does_not_count_as_peer(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var admin = app.CreateUser(Role.Admin);
        var peer = app.CreateUser(Role.Admin);
        using var scope = app.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        Assert.Null(commands.SetActive(peer.Id, peer.RowVersion, false, Actor));

        var demote = commands.ChangeRole(admin.Id, admin.RowVersion, Role.ItSupport, Actor);

        Assert.Equal(UserCommands.LastAdminMessage, demote);
    }
}
