using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>Manual timeline entries, comments and messages to the reporter.</summary>
public sealed class TimelineCommands(
    HelpdeskDbFactory dbs,
    IncidentJournal journal,
    NotificationService notifications,
    Tickets.TicketCommands tickets,
    TimeProvider clock)
{
    public const int MaxBody = 20_000;

    /// <summary>Adds an entry an analyst reconstructs, with its own time of occurrence.</summary>
    public IncidentResult AddEntry(long incidentId, string? occurredAt, string? body, CurrentUser user, AuditActor actor)
    {
        var (occurred, error) = LocalTimeInput.Parse(occurredAt, user.Zone);
        var now = clock.UtcNowMicroseconds();
        error ??= occurred is null ? "Enter when the event occurred." : occurred > now ? "The event time is in the future." : null;
        return Write(incidentId, body, user, error, db =>
        {
            var entry = new TimelineEntry
            {
                IncidentId = incidentId,
                Kind = TimelineKind.Manual,
                OccurredAt = occurred!.Value,
                RecordedAt = now,
                AuthorId = user.Id,
                Body = body!.Trim(),
            };
            entry.Id = db.InsertWithInt64Identity(entry);
            journal.Audit(db, actor, AuditEvent.Incident_TimelineEntryAdded, incidentId,
                new { entryId = entry.Id, occurredAt = AuditMac.FormatTime(entry.OccurredAt), body = entry.Body });
        });
    }

    /// <summary>
    /// Edits a manual entry's text and, if changed on purpose, its time. Re-saving the shown time
    /// keeps the stored instant exactly. Automatic entries cannot be edited.
    /// </summary>
    public IncidentResult EditEntry(
        long incidentId, long entryId, int rowVersion, string? occurredAt, string? body, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var entry = db.IncidentTimeline.FirstOrDefault(e => e.Id == entryId && e.IncidentId == incidentId);
        if (entry is null || entry.Kind != TimelineKind.Manual)
        {
            return IncidentResult.NotFound;
        }

        var now = clock.UtcNowMicroseconds();
        var (occurred, error) = LocalTimeInput.Parse(occurredAt, user.Zone, entry.OccurredAt);
        var text = (body ?? "").Trim();
        error ??= occurred is null ? "Enter when the event occurred."
            : occurred > now ? "The event time is in the future."
            : text.Length is 0 or > MaxBody ? $"Enter the entry text (up to {MaxBody} characters)." : null;
        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        var updated = db.IncidentTimeline.Where(e => e.Id == entryId && e.RowVersion == rowVersion)
            .Set(e => e.Body, text)
            .Set(e => e.OccurredAt, occurred!.Value)
            .Set(e => e.EditedAt, now)
            .Set(e => e.RowVersion, e => e.RowVersion + 1)
            .Update();
        if (updated != 1)
        {
            return IncidentResult.Stale;
        }

        var changes = new Dictionary<string, object?> { ["entryId"] = entryId };
        if (entry.Body != text)
        {
            changes["body"] = AuditLog.Change("body", entry.Body, text)["body"];
        }

        if (entry.OccurredAt != occurred)
        {
            changes["occurredAt"] = AuditLog.Change("occurredAt",
                AuditMac.FormatTime(entry.OccurredAt), AuditMac.FormatTime(occurred.Value))["occurredAt"];
        }

        journal.Audit(db, actor, AuditEvent.Incident_TimelineEntryEdited, incidentId, changes);
        transaction.Commit();
        return IncidentResult.Done(incidentId);
    }

    public IncidentResult AddComment(long incidentId, string? body, CurrentUser user, AuditActor actor) =>
        Write(incidentId, body, user, null, db =>
        {
            journal.Timeline(db, incidentId, TimelineKind.Comment, clock.UtcNowMicroseconds(), user.Id, body!.Trim());
            journal.Audit(db, actor, AuditEvent.Incident_CommentAdded, incidentId, new { body = body!.Trim() });
        });

    /// <summary>Adds a message the reporter sees on their status view; nothing else of the timeline is shown to them.</summary>
    public IncidentResult MessageReporter(long incidentId, string? body, CurrentUser user, AuditActor actor) =>
        Write(incidentId, body, user, null, db =>
        {
            journal.Timeline(db, incidentId, TimelineKind.MessageToReporter, clock.UtcNowMicroseconds(), user.Id, body!.Trim());
            journal.Audit(db, actor, AuditEvent.Incident_MessageToReporter, incidentId, new { body = body!.Trim() });

            // A converted incident's requester has no status view; they follow their ticket.
            var incident = db.Incidents.Single(i => i.Id == incidentId);
            if (incident.SourceTicketId is { } ticketId)
            {
                tickets.RelayToRequester(db, actor, ticketId, user.Id, body.Trim(), clock.UtcNowMicroseconds());
            }
            else
            {
                notifications.RaiseReportMessage(db, IncidentJournal.Facts(incident), incident.ReporterId,
                    body.Trim(), user.Id);
            }
        });

    private IncidentResult Write(long incidentId, string? body, CurrentUser user, string? error, Action<HelpdeskDb> write)
    {
        if (!IncidentAccess.CanInvestigate(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        if (!db.Incidents.Any(i => i.Id == incidentId))
        {
            return IncidentResult.NotFound;
        }

        var length = (body ?? "").Trim().Length;
        error ??= length is 0 or > MaxBody ? $"Enter the text (up to {MaxBody} characters)." : null;
        if (error is not null)
        {
            return IncidentResult.Rejected(error);
        }

        write(db);
        transaction.Commit();
        return IncidentResult.Done(incidentId);
    }
}
