using HelpdeskLite.Data;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tests.Notifications;

/// <summary>Inserts users and tickets straight into the tables, with sensible defaults.</summary>
public static class TestRecords
{
    private static long ticketNumber = 1000;
    private static int userCounter;

    public static User AddUser(HelpdeskDb db, Role role, string? name = null, bool active = true)
    {
        var username = name ?? $"{role.ToString().ToLowerInvariant()}-{Interlocked.Increment(ref userCounter)}";
        var user = new User
        {
            Username = username,
            DisplayName = $"Test {username}",
            Role = role,
            PasswordHash = "not-a-hash",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            IsActive = active,
            TimeZone = "UTC",
            CreatedAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        };
        user.Id = db.InsertWithInt64Identity(user);
        return user;
    }

    public static Ticket AddTicket(
        HelpdeskDb db,
        long requesterId,
        long? assigneeId = null,
        DateTime? createdAt = null,
        Action<Ticket>? change = null)
    {
        var created = createdAt ?? new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        var ticket = new Ticket
        {
            Number = Interlocked.Increment(ref ticketNumber),
            Subject = "Printer on floor 3 jams",
            Description = "It jams on every second page.",
            RequestType = RequestType.Hardware,
            Impact = Level.Medium,
            Urgency = Level.Medium,
            Priority = Priority.Medium,
            Status = assigneeId is null ? TicketStatus.New : TicketStatus.Assigned,
            RequesterId = requesterId,
            CreatedById = requesterId,
            AssigneeId = assigneeId,
            CreatedAt = created,
            UpdatedAt = created,
        };
        change?.Invoke(ticket);
        ticket.Id = db.InsertWithInt64Identity(ticket);
        return ticket;
    }
}
