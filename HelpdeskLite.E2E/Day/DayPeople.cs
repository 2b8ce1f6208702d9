using System.Globalization;
using HelpdeskLite.E2E.Infrastructure;

namespace HelpdeskLite.E2E.Day;

/// <summary>The admin, two IT Support agents, one Security Officer and twenty users of the day.</summary>
public static class DayPeople
{
    public const string InitialPassword = "Initial-Harbour-Maple-27";
    public const string OwnPassword = "Chosen-Lantern-Willow-64";

    public static readonly Person Admin = new("dana.admin", "Dana Admin", "Admin");
    public static readonly Person Ada = new("ada.support", "Ada Support", "IT Support");
    public static readonly Person Ben = new("ben.support", "Ben Support", "IT Support");
    public static readonly Person Officer = new("cleo.officer", "Cleo Officer", "Security Officer");

    public static readonly IReadOnlyList<Person> Users = Enumerable.Range(1, 20)
        .Select(i => new Person(
            string.Create(CultureInfo.InvariantCulture, $"user.{i:00}"),
            string.Create(CultureInfo.InvariantCulture, $"Day User {i:00}"),
            "User"))
        .ToList();

    public static IEnumerable<Person> Staff => [Ada, Ben, Officer];
}
