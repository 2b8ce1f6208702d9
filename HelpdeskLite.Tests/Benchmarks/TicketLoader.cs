using HelpdeskLite.Data;
using HelpdeskLite.Tickets;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Benchmarks;

/// <summary>Fills a migrated database with users and generated tickets built from the sample texts.</summary>
public static class TicketLoader
{
    public const int Agents = 20;
    public const int Requesters = 5000;

    public static void Load(HelpdeskDb db, int count, IReadOnlyList<(string Text, string Topic)> texts, DateTime now)
    {
        var random = new Random(42);
        var users = new List<User>();
        for (var i = 0; i < Agents + Requesters; i++)
        {
            users.Add(new User
            {
                Username = $"bench{i}",
                DisplayName = $"Bench person {i}",
                Role = i < Agents ? Role.ItSupport : Role.User,
                PasswordHash = "x",
                SecurityStamp = "x",
                TimeZone = "Europe/Berlin",
                CreatedAt = now,
            });
        }

        db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = 1000 }, users);
        var ids = db.Users.Select(u => new { u.Id, u.Role }).ToList();
        var agents = ids.Where(u => u.Role == Role.ItSupport).Select(u => u.Id).ToArray();
        var requesters = ids.Where(u => u.Role == Role.User).Select(u => u.Id).ToArray();

        var span = TimeSpan.FromDays(3 * 365);
        var start = now - span;
        const int batch = 20_000;
        for (var done = 0; done < count; done += batch)
        {
            var rows = Enumerable.Range(done, Math.Min(batch, count - done))
                .Select(i => Make(i, count, start, span, random, texts, agents, requesters))
                .ToList();
            using var transaction = db.BeginTransaction();
            db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = 500 }, rows);
            transaction.Commit();
            Console.Error.Write($"\r  loaded {done + rows.Count:N0} of {count:N0} tickets");
        }

        Console.Error.WriteLine();
    }

    private static Ticket Make(
        int i, int count, DateTime start, TimeSpan span, Random random,
        IReadOnlyList<(string Text, string Topic)> texts, long[] agents, long[] requesters)
    {
        // Tickets are filed in time order; the newest few percent are still open.
        var created = start + span * ((double)i / count) + TimeSpan.FromSeconds(random.Next(0, 60));
        var recent = i > count * 0.95;
        var status = recent ? (TicketStatus)random.Next(0, 5) : TicketStatus.Closed;
        var (text, topic) = texts[random.Next(texts.Count)];
        var priority = (Priority)Weighted(random, 40, 35, 20, 5);
        var assignee = status == TicketStatus.New ? (long?)null : agents[random.Next(agents.Length)];
        var due = created.AddHours(priority switch { Priority.Critical => 4, Priority.High => 8, Priority.Medium => 24, _ => 40 });
        var sla = status == TicketStatus.Closed
            ? (random.Next(10) == 0 ? SlaState.Breached : SlaState.Met)
            : status == TicketStatus.WaitingForUser ? SlaState.Paused : (SlaState)random.Next(0, 3);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return new Ticket
        {
            Number = 1001 + i,
            Subject = string.Join(' ', words.Take(6)),
            Description = text,
            RequestType = TypeFor(topic),
            Impact = (Level)random.Next(3),
            Urgency = (Level)random.Next(3),
            Priority = priority,
            Status = status,
            RequesterId = requesters[random.Next(requesters.Length)],
            CreatedById = requesters[0],
            AssigneeId = assignee,
            CreatedAt = created,
            UpdatedAt = created.AddHours(random.Next(1, 100)),
            FirstResponseDue = created.AddHours(2),
            ResolutionDue = status == TicketStatus.WaitingForUser ? null : due,
            ResolutionWarnAt = created + (due - created) * 0.75,
            SlaState = sla,
            ResolvedAt = status >= TicketStatus.Resolved ? due : null,
            ClosedAt = status == TicketStatus.Closed ? due : null,
        };
    }

    private static RequestType TypeFor(string topic) => topic switch
    {
        "Hardware" or "Storage" => RequestType.Hardware,
        "Access" => RequestType.AccessRequests,
        "Administrative rights" => RequestType.AccountPassword,
        "Purchase" => RequestType.SoftwareInstallation,
        "Internal Project" => RequestType.NetworkInternet,
        _ => RequestType.General,
    };

    private static int Weighted(Random random, params int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
