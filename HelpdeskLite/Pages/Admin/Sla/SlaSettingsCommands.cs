using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Pages.Admin.Sla;

/// <summary>
/// An admin's changes to SLA policies, calendars, the priority matrix and auto-close delay, each
/// audited. A changed policy or calendar recomputes the due times of the open tickets it governs.
/// </summary>
public sealed class SlaSettingsCommands(
    HelpdeskDbFactory dbs, AuditLog audit, TimeProvider clock, ILogger<SlaSettingsCommands> logger)
{
    public const int MaxTarget = 1000;

    public string? SavePolicy(AuditActor actor, Priority priority, int firstResponse, SlaUnit firstUnit, int resolution, SlaUnit resolutionUnit, long calendarId)
    {
        if (!Enum.IsDefined(priority) || !Enum.IsDefined(firstUnit) || !Enum.IsDefined(resolutionUnit))
        {
            return "Choose a priority and units from the lists.";
        }

        if (firstResponse is < 1 or > MaxTarget || resolution is < 1 or > MaxTarget)
        {
            return $"Targets must be whole numbers from 1 to {MaxTarget}.";
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        if (!db.BusinessCalendars.Any(c => c.Id == calendarId))
        {
            return "Choose one of the listed calendars.";
        }

        var before = db.SlaPolicies.FirstOrDefault(p => p.Priority == priority);
        var after = new SlaPolicy
        {
            Priority = priority,
            FirstResponseTarget = firstResponse,
            FirstResponseUnit = firstUnit,
            ResolutionTarget = resolution,
            ResolutionUnit = resolutionUnit,
            CalendarId = calendarId,
        };
        db.InsertOrReplace(after);
        audit.Append(db, actor, AuditEvent.Ticket_SlaPolicyChanged, "sla_policy", priority.ToString(), new
        {
            from = before is null ? null : Describe(before),
            to = Describe(after),
        });
        if (RecomputeOpenTickets(db, actor, [priority]) is { } recomputeError)
        {
            return recomputeError;
        }

        transaction.Commit();
        return null;
    }

    public string? SaveCalendar(
        AuditActor actor, long id, int rowVersion, string? name, string? timeZone, bool aroundTheClock,
        string? weeklyHours, int businessDayMinutes, string? holidays)
    {
        var (week, weekError) = aroundTheClock ? (new Dictionary<DayOfWeek, WorkingHours>(), null) : WeeklyHoursText.Parse(weeklyHours);
        var (days, holidayError) = ParseHolidays(holidays);
        var error = weekError ?? holidayError;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
        {
            error ??= "Give the calendar a name of at most 100 characters.";
        }

        if (!TimeZones.IsKnown(timeZone))
        {
            error ??= $"\"{timeZone}\" is not a known time zone. Use an IANA id such as Europe/Berlin.";
        }

        var calendar = new BusinessCalendar(name ?? "", TimeZones.Find(timeZone), aroundTheClock, week ?? [], new HashSet<DateOnly>(), businessDayMinutes / 60.0);
        error ??= calendar.Validate();
        if (error is not null)
        {
            return error;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.BusinessCalendars.FirstOrDefault(c => c.Id == id);
        if (before is null)
        {
            return "That calendar does not exist.";
        }

        var hoursText = aroundTheClock ? "" : WeeklyHoursText.Format(week!);
        var updated = db.BusinessCalendars.Where(c => c.Id == id && c.RowVersion == rowVersion)
            .Set(c => c.Name, name!.Trim())
            .Set(c => c.TimeZone, timeZone!)
            .Set(c => c.AroundTheClock, aroundTheClock)
            .Set(c => c.WeeklyHours, hoursText)
            .Set(c => c.BusinessDayMinutes, businessDayMinutes)
            .Set(c => c.RowVersion, rowVersion + 1)
            .Update();
        if (updated != 1)
        {
            return "This calendar was changed by someone else meanwhile. The page now shows the current values; try again.";
        }

        var oldHolidays = db.CalendarHolidays.Where(h => h.CalendarId == id).OrderBy(h => h.Date).Select(h => h.Date).ToList();
        db.CalendarHolidays.Where(h => h.CalendarId == id).Delete();
        foreach (var (date, label) in days!)
        {
            db.Insert(new CalendarHoliday { CalendarId = id, Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Name = label });
        }

        audit.Append(db, actor, AuditEvent.Ticket_CalendarChanged, "business_calendar", id.ToString(CultureInfo.InvariantCulture), new
        {
            from = new { before.Name, before.TimeZone, before.AroundTheClock, before.WeeklyHours, before.BusinessDayMinutes, holidays = oldHolidays },
            to = new { Name = name.Trim(), TimeZone = timeZone, AroundTheClock = aroundTheClock, WeeklyHours = hoursText, BusinessDayMinutes = businessDayMinutes, holidays = days.Select(d => d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) },
        });
        if (RecomputeOpenTickets(db, actor, db.SlaPolicies.Where(p => p.CalendarId == id).Select(p => p.Priority).ToList())
            is { } recomputeError)
        {
            return recomputeError;
        }

        transaction.Commit();
        return null;
    }

    /// <summary>
    /// Recomputes the due times of the open tickets of these priorities in the caller's transaction.
    /// A warning whose new time lies ahead is cleared, so the monitor warns again then. Breaches stay.
    /// </summary>
    private string? RecomputeOpenTickets(HelpdeskDb db, AuditActor actor, List<Priority> priorities)
    {
        if (priorities.Count == 0)
        {
            return null;
        }

        var now = clock.UtcNowMicroseconds();
        var config = SlaConfiguration.Load(db);
        var tickets = db.Tickets
            .Where(t => priorities.Contains(t.Priority) && t.Status != TicketStatus.Resolved && t.Status != TicketStatus.Closed)
            .OrderBy(t => t.Id)
            .ToList();
        try
        {
            foreach (var batch in tickets.Chunk(500))
            {
                var ids = batch.Select(t => t.Id).ToList();
                var pauses = db.SlaPauses.Where(p => ids.Contains(p.TicketId)).ToList().ToLookup(p => p.TicketId);
                foreach (var ticket in batch)
                {
                    Recompute(db, actor, ticket, pauses[ticket.Id].ToList(), config, now);
                }
            }
        }
        catch (InvalidOperationException ex)
        {
            // The calculator gives up on a calendar with almost no working time, and the caller rolls back.
            logger.LogWarning(ex, "SLA settings change by {Actor} rejected: open tickets of {Priorities} cannot be recomputed",
                actor.Name, string.Join(", ", priorities));
            return $"{ex.Message} Nothing was saved: give the calendar more working hours or the policy a shorter target.";
        }

        return null;
    }

    private void Recompute(HelpdeskDb db, AuditActor actor, Ticket ticket, List<SlaPause> pauses, SlaConfiguration config, DateTime now)
    {
        var firstResponseDue = ticket.FirstResponseDue;
        var resolutionDue = ticket.ResolutionDue;
        TicketSla.Recompute(ticket, pauses, config);
        var warnAt = ticket.FirstResponseAt is null ? ticket.FirstResponseWarnAt : ticket.ResolutionWarnAt;
        if (ticket.SlaWarnedAt is not null && warnAt > now)
        {
            ticket.SlaWarnedAt = null;
            TicketSla.Recompute(ticket, pauses, config);
        }

        if (ticket.FirstResponseDue == firstResponseDue && ticket.ResolutionDue == resolutionDue)
        {
            return;
        }

        db.Tickets.Where(t => t.Id == ticket.Id)
            .Set(t => t.FirstResponseDue, ticket.FirstResponseDue)
            .Set(t => t.FirstResponseWarnAt, ticket.FirstResponseWarnAt)
            .Set(t => t.ResolutionDue, ticket.ResolutionDue)
            .Set(t => t.ResolutionWarnAt, ticket.ResolutionWarnAt)
            .Set(t => t.SlaWarnedAt, ticket.SlaWarnedAt)
            .Set(t => t.SlaState, ticket.SlaState)
            .Set(t => t.RowVersion, t => t.RowVersion + 1)
            .Update();
        db.Insert(new TicketEvent
        {
            TicketId = ticket.Id,
            OccurredAt = now,
            ActorId = actor.Id,
            Kind = TicketEventKind.SlaRecomputed,
            IsInternal = true,
        });
        audit.Append(db, actor, AuditEvent.Ticket_SlaRecomputed, "ticket", ticket.NumberText, new
        {
            firstResponseDue = new { from = Format(firstResponseDue), to = Format(ticket.FirstResponseDue) },
            resolutionDue = new { from = Format(resolutionDue), to = Format(ticket.ResolutionDue) },
        });

        static string? Format(DateTime? time) => time is { } t ? AuditMac.FormatTime(t) : null;
    }

    public string? SaveMatrix(AuditActor actor, IReadOnlyDictionary<(Level, Level), Priority> matrix)
    {
        if (matrix.Count != 9 || matrix.Values.Any(p => !Enum.IsDefined(p)))
        {
            return "Choose a priority for each of the nine impact and urgency pairs.";
        }

        return SaveSetting(actor, TicketSettings.MatrixKey, TicketSettings.FormatMatrix(matrix), AuditEvent.Ticket_PriorityMatrixChanged);
    }

    public string? SaveAutoCloseDays(AuditActor actor, int days) =>
        days is < 1 or > 90
            ? "Auto-close must be between 1 and 90 business days."
            : SaveSetting(actor, TicketSettings.AutoCloseKey, days.ToString(CultureInfo.InvariantCulture), AuditEvent.Ticket_AutoCloseDaysChanged);

    /// <summary>Parses one holiday per line as "yyyy-MM-dd name".</summary>
    public static (List<(DateOnly Date, string Name)>? Days, string? Error) ParseHolidays(string? text)
    {
        var days = new List<(DateOnly, string)>();
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = line.Split(' ', 2, StringSplitOptions.TrimEntries);
            if (!DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return (null, $"\"{line}\" does not start with a date. Write one holiday per line, like \"2026-12-25 Christmas Day\".");
            }

            if (days.Any(d => d.Item1 == date))
            {
                return (null, $"{parts[0]} appears twice. List each holiday once.");
            }

            days.Add((date, parts.Length > 1 ? parts[1][..Math.Min(parts[1].Length, 100)] : ""));
        }

        return (days, null);
    }

    private string? SaveSetting(AuditActor actor, string key, string value, AuditEvent action)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var before = db.Settings.Where(s => s.Key == key).Select(s => s.Value).FirstOrDefault();
        db.InsertOrReplace(new Setting { Key = key, Value = value });
        audit.Append(db, actor, action, "setting", key, AuditLog.Change(key, before, value));
        transaction.Commit();
        return null;
    }

    private static string Describe(SlaPolicy p) =>
        $"first response {p.FirstResponseTarget} {p.FirstResponseUnit}, resolution {p.ResolutionTarget} {p.ResolutionUnit}, calendar {p.CalendarId}";
}
