using System.Globalization;
using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Incidents;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Tickets;
using HelpdeskLite.Notifications;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>
/// Turns a ticket into an incident. The ticket's description and every attachment become
/// evidence; attachments keep their storage key and recorded SHA-256, so no file is copied.
/// </summary>
public sealed class ConversionCommands(
    HelpdeskDbFactory dbs,
    TicketCommands tickets,
    IncidentJournal journal,
    NotificationService notifications,
    TimeProvider clock,
    ILogger<ConversionCommands> logger)
{
    /// <summary>Setting that decides whether a converted ticket is resolved ("true") or stays open.</summary>
    public const string ResolveSettingKey = "incidents.conversion_resolves_ticket";

    public const string RequesterMessage =
        "Thank you for reporting this. It has been passed to the security team, who will handle it from here. "
        + "They may contact you if they need more information.";

    public IncidentResult Convert(long ticketNumber, CurrentUser user, AuditActor actor)
    {
        if (!IncidentAccess.CanConvertTickets(user))
        {
            return IncidentResult.NotFound;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        // Bumping the ticket's row version before any read locks the row, so two conversions of
        // the same ticket queue up here. On MySQL the later one's reads then start after the
        // earlier commit, so it finds the earlier incident instead of inserting a second one.
        var locked = db.Tickets.Where(t => t.Number == ticketNumber)
            .Set(t => t.RowVersion, t => t.RowVersion + 1)
            .Update();
        var ticket = locked == 1 ? db.Tickets.FirstOrDefault(t => t.Number == ticketNumber) : null;
        if (ticket is null || !TicketAccess.CanSee(user, ticket))
        {
            return IncidentResult.NotFound;
        }

        var existing = db.Incidents.FirstOrDefault(i => i.SourceTicketId == ticket.Id);
        if (existing is not null)
        {
            return IncidentResult.Rejected(
                $"Ticket {ticket.NumberText} was already converted to incident {existing.NumberText}.");
        }

        var now = clock.UtcNowMicroseconds();
        var incident = Create(db, ticket, user, actor, now);
        var resolve = db.Settings.Where(s => s.Key == ResolveSettingKey).Select(s => s.Value).FirstOrDefault() == "true";
        if (!tickets.RecordConversion(db, actor, ticket, user.Id, incident.NumberText, RequesterMessage, resolve, now))
        {
            return IncidentResult.Stale;
        }

        notifications.RaiseTicketConverted(db, ticket, user.Id);
        notifications.RaiseIncidentConverted(db, IncidentJournal.Facts(incident), ticket.NumberText, user.Id);
        transaction.Commit();
        logger.LogInformation("Ticket {TicketNumber} was converted to incident {IncidentNumber}",
            ticket.NumberText, incident.NumberText);
        return IncidentResult.Done(incident.Id);
    }

    private Incident Create(HelpdeskDb db, Ticket ticket, CurrentUser user, AuditActor actor, DateTime now)
    {
        var incident = new Incident
        {
            Number = ReportCommands.NextNumber(db),
            Title = ticket.Subject,
            ReportedTitle = ticket.Subject,
            Description = ticket.Description,
            ReporterId = ticket.RequesterId,
            SourceTicketId = ticket.Id,
            ConvertedById = user.Id,
            ReportedAt = ticket.CreatedAt,
            UpdatedAt = now,
        };
        incident.Id = db.InsertWithInt64Identity(incident);
        journal.Timeline(db, incident.Id, HelpdeskLite.Incidents.TimelineKind.Converted, now, user.Id,
            $"Converted from ticket {ticket.NumberText} by {user.DisplayName}.");
        journal.Audit(db, actor, AuditEvent.Incident_Created, incident.Id,
            new { number = incident.NumberText, title = incident.Title, ticket = ticket.NumberText });
        journal.Audit(db, actor, AuditEvent.Incident_ConvertedFromTicket, incident.Id,
            new { ticket = ticket.NumberText, ticketId = ticket.Id });

        EvidenceCommands.InsertEvidence(db, journal, actor, new Evidence
        {
            IncidentId = incident.Id,
            Origin = EvidenceOrigin.TicketDescription,
            ContentText = ticket.Description,
            Sha256 = EvidenceCommands.Sha256Of(ticket.Description),
            SizeBytes = System.Text.Encoding.UTF8.GetByteCount(ticket.Description),
            FileName = $"{ticket.NumberText}-description.txt",
            Description = $"Description of ticket {ticket.NumberText}",
            AddedById = user.Id,
            AddedAt = now,
        });
        foreach (var attachment in db.TicketAttachments.Where(a => a.TicketId == ticket.Id).OrderBy(a => a.Id).ToList())
        {
            EvidenceCommands.InsertEvidence(db, journal, actor, new Evidence
            {
                IncidentId = incident.Id,
                Origin = EvidenceOrigin.TicketAttachment,
                StorageKey = attachment.StorageKey,
                Sha256 = attachment.Sha256,
                SizeBytes = attachment.SizeBytes,
                FileName = attachment.FileName,
                Description = string.Create(CultureInfo.InvariantCulture,
                    $"Attachment of ticket {ticket.NumberText}, added {AuditMac.FormatTime(attachment.CreatedAt)}"),
                SourceAttachmentId = attachment.Id,
                AddedById = user.Id,
                AddedAt = now,
            });
        }

        return incident;
    }

    /// <summary>Returns the incident a ticket was converted to, if any.</summary>
    public (long Id, string Number)? IncidentOf(long ticketId)
    {
        using var db = dbs.Open();
        var incident = db.Incidents.Where(i => i.SourceTicketId == ticketId).Select(i => new { i.Id, i.Number }).FirstOrDefault();
        return incident is null ? null : (incident.Id, IncidentNames.Format(incident.Number));
    }
}
