using HelpdeskLite.Data;

namespace HelpdeskLite.Demo;

internal sealed record DemoPerson(string Username, string DisplayName, Role Role);

/// <summary>The invented staff of the demo organisation. Every account has the one password the console prints.</summary>
internal static class DemoPeople
{
    public const string Password = "helpdesk-demo-pass";
    public const string TimeZone = "Europe/London";

    public static readonly IReadOnlyList<DemoPerson> All =
    [
        new("admin", "Morgan Reyes", Role.Admin),
        new("support.lee", "Jordan Lee", Role.ItSupport),
        new("support.novak", "Sam Novak", Role.ItSupport),
        new("support.okafor", "Chidi Okafor", Role.ItSupport),
        new("security.berg", "Ingrid Berg", Role.SecurityOfficer),
        new("security.haddad", "Rami Haddad", Role.SecurityOfficer),
        new("anna.schmidt", "Anna Schmidt", Role.User),
        new("ben.carter", "Ben Carter", Role.User),
        new("chloe.dubois", "Chloé Dubois", Role.User),
        new("david.kim", "David Kim", Role.User),
        new("elena.rossi", "Elena Rossi", Role.User),
        new("farid.rahman", "Farid Rahman", Role.User),
        new("grace.obi", "Grace Obi", Role.User),
        new("hugo.martin", "Hugo Martin", Role.User),
        new("isla.murray", "Isla Murray", Role.User),
        new("keiko.tanaka", "Keiko Tanaka", Role.User),
    ];

    /// <summary>Returns the first demo account of each role, the ones the console suggests.</summary>
    public static IEnumerable<DemoPerson> FirstOfEachRole() =>
        All.GroupBy(p => p.Role).Select(g => g.First());
}
