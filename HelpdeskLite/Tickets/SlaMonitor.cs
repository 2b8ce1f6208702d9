using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Pages.Tickets;
using LinqToDB;

namespace HelpdeskLite.Tickets;

/// <summary>
/// Marks SLA warnings (75 % of a target used) and breaches on open tickets, and closes resolved
/// tickets nobody confirmed. Several nodes may run it; a lease row lets one of them work at a time.
/// </summary>
public sealed class SlaMonitor(
    HelpdeskDbFactory dbs,
    AuditLog audit,
    TicketCommands commands,
    TimeProvider clock,
    ILogger<SlaMonitor> logger,
    Notifications.NotificationService notifications)
    : LeasedJob(dbs, clock, logger, LeaseName, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(3))
{
    public const string LeaseName = "tickets.sla-monitor";

    /// <summary>Runs one pass: warnings, breaches, automatic closes. Returns how many tickets changed.</summary>
    public override int RunOnce()
    {
        var now = Clock.UtcNowMicroseconds();
        var changed = Mark(now, breach: true) + Mark(now, breach: false) + commands.CloseUnconfirmed(now);
        if (changed > 0)
        {
            Logger.LogInformation("SLA monitor updated {Count} tickets", changed);
        }

        return changed;
    }

    private int Mark(DateTime now, bool breach)
    {
        using var db = Dbs.Open();
        var open = db.Tickets.Where(t => t.Status < TicketStatus.Resolved);
        var ids = breach
            ? open.Where(t => (t.FirstResponseAt == null && t.FirstResponseBreachedAt == null && t.FirstResponseDue <= now)
                    || (t.ResolutionBreachedAt == null && t.ResolutionDue <= now))
                .Select(t => t.Id).Take(500).ToList()
            : open.Where(t => t.SlaState == SlaState.OnTrack
                    && ((t.FirstResponseAt == null && t.FirstResponseWarnAt <= now) || t.ResolutionWarnAt <= now))
                .Select(t => t.Id).Take(500).ToList();
        foreach (var id in ids)
        {
            using var transaction = db.BeginTransaction();
            var ticket = db.Tickets.First(t => t.Id == id);

            // A first response still owed is reported before the resolution target.
            var firstResponse = ticket.FirstResponseAt is null && (breach
                ? ticket.FirstResponseBreachedAt is null && ticket.FirstResponseDue <= now
                : ticket.FirstResponseWarnAt <= now);
            var update = db.Tickets.Where(t => t.Id == id && t.RowVersion == ticket.RowVersion)
                .Set(t => t.RowVersion, ticket.RowVersion + 1)
                .Set(t => t.SlaState, breach ? SlaState.Breached : SlaState.AtRisk);
            update = breach
                ? firstResponse
                    ? update.Set(t => t.FirstResponseBreachedAt, now)
                    : update.Set(t => t.ResolutionBreachedAt, now)
                : update.Set(t => t.SlaWarnedAt, now);
            if (update.Update() != 1)
            {
                continue;
            }

            var target = firstResponse ? "first response" : "resolution";
            var due = firstResponse ? ticket.FirstResponseDue : ticket.ResolutionDue;
            db.Insert(new TicketEvent
            {
                TicketId = id,
                OccurredAt = now,
                Kind = breach ? TicketEventKind.SlaBreached : TicketEventKind.SlaWarning,
                ToValue = target,
                Note = breach ? $"The {target} target was missed." : $"75 % of the {target} target is used.",
                IsInternal = true,
            });
            audit.Append(db, AuditActor.System, breach ? AuditEvent.Ticket_SlaBreached : AuditEvent.Ticket_SlaWarning,
                "ticket", ticket.NumberText, new { target, due = due is { } d ? AuditMac.FormatTime(d) : null });
            var slaTarget = firstResponse ? Notifications.SlaTarget.FirstResponse : Notifications.SlaTarget.Resolution;
            if (breach)
            {
                notifications.RaiseSlaBreached(db, ticket, slaTarget);
            }
            else
            {
                notifications.RaiseSlaAtRisk(db, ticket, slaTarget);
            }

            transaction.Commit();
        }

        return ids.Count;
    }
}
