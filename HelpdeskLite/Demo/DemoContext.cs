using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Demo;

/// <summary>The demo accounts and the command services the scripts act through.</summary>
internal sealed class DemoContext(IServiceProvider services, IReadOnlyDictionary<string, User> users)
{
    private readonly Dictionary<Role, List<string>> byRole = users.Values
        .GroupBy(u => u.Role)
        .ToDictionary(g => g.Key, g => g.OrderBy(u => u.Id).Select(u => u.Username).ToList());

    public T Get<T>() where T : notnull => services.GetRequiredService<T>();

    public IReadOnlyList<string> Usernames(Role role) => byRole[role];

    public long IdOf(string username) => users[username].Id;

    public CurrentUser Viewer(string username)
    {
        var user = users[username];
        return new CurrentUser(user.Id, user.Username, user.DisplayName, user.Role, user.TimeZone, false);
    }

    public AuditActor Actor(string username) => new(users[username].Id, username, "127.0.0.1");

    /// <summary>Formats a time as a person in the demo types it into a date-and-time field.</summary>
    public static string Local(DateTimeOffset at) =>
        LocalTimeInput.ToInput(at.UtcDateTime, TimeZones.Find(DemoPeople.TimeZone));

    public int TicketVersion(long number)
    {
        using var db = Get<HelpdeskDbFactory>().Open();
        return db.Tickets.Where(t => t.Number == number).Select(t => t.RowVersion).Single();
    }

    public int IncidentVersion(long id)
    {
        using var db = Get<HelpdeskDbFactory>().Open();
        return db.Incidents.Where(i => i.Id == id).Select(i => i.RowVersion).Single();
    }
}
