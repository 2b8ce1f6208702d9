using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Pages.Tickets;

/// <summary>
/// Every change to a ticket: filing, comments, workflow moves, assignment and priority. Each runs
/// in one transaction with its history entry and audit entry, and refuses what the role may not do.
/// </summary>
public sealed partial class TicketCommands(
    HelpdeskDbFactory dbs,
    AuditLog audit,
    FileStore files,
    TimeProvider clock,
    ILogger<TicketCommands> logger,
    global::HelpdeskLite.Notifications.NotificationService notifications)
{
    public const int MaxSubject = 200;
    public const int MaxText = 50_000;
    public const long NumberOffset = 1000;

    public async Task<CommandResult> CreateAsync(
        CurrentUser viewer, AuditActor actor, NewTicketInput input, IReadOnlyList<IFormFile> uploads)
    {
        var subject = (input.Subject ?? "").Trim();
        var description = (input.Description ?? "").Trim();
        var error = CheckText(subject, description, input);
        if (error is not null)
        {
            return CommandResult.Invalid(error);
        }

        var (stored, uploadError) = await StoreAsync(uploads);
        if (uploadError is not null)
        {
            return CommandResult.Invalid(uploadError);
        }

        try
        {
            var result = Create(viewer, actor, input, subject, description, stored);
            if (!result.Succeeded)
            {
                stored.ForEach(files.Discard);
            }

            return result;
        }
        catch
        {
            stored.ForEach(files.Discard);
            throw;
        }
    }

    private CommandResult Create(
        CurrentUser viewer, AuditActor actor, NewTicketInput input, string subject, string description, List<StoredFile> stored)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var settings = TicketSettings.Load(db);

        // Only agents file on behalf of someone or override priority; from anyone else these
        // fields are ignored, so a crafted form cannot set them.
        var requesterId = viewer.IsAgent && input.RequesterId is { } chosen ? chosen : viewer.Id;
        if (!db.Users.Any(u => u.Id == requesterId && u.IsActive))
        {
            return CommandResult.Invalid("Choose an active user as the requester.");
        }

        long? related = null;
        if (!string.IsNullOrWhiteSpace(input.RelatedTicket))
        {
            related = FindRelated(db, viewer, input.RelatedTicket);
            if (related is null)
            {
                return CommandResult.Invalid("The related ticket was not found. Give the number of a closed ticket, such as T-1042.");
            }
        }

        var matrixPriority = settings.PriorityFor(input.Impact, input.Urgency);
        var overridden = viewer.IsAgent && input.PriorityOverride is { } p && Enum.IsDefined(p) && p != matrixPriority;
        if (overridden && string.IsNullOrWhiteSpace(input.OverrideReason))
        {
            return CommandResult.Invalid("Give a reason for overriding the priority.");
        }
        var ticket = new Ticket
        {
            Number = -Random.Shared.NextInt64(1, long.MaxValue),
            Subject = subject,
            Description = description,
            RequestType = input.RequestType,
            Impact = input.Impact,
            Urgency = input.Urgency,
            Priority = overridden ? input.PriorityOverride!.Value : matrixPriority,
            PriorityOverridden = overridden,
            Status = TicketStatus.New,
            RequesterId = requesterId,
            CreatedById = viewer.Id,
            RelatedTicketId = related,
            CreatedAt = now,
            UpdatedAt = now,
        };
        TicketSla.Recompute(ticket, [], SlaConfiguration.Load(db));
        ticket.Id = db.InsertWithInt64Identity(ticket);

        // The identity column is the sequence: numbers follow it and are never reused or changed.
        ticket.Number = ticket.Id + NumberOffset;
        db.Tickets.Where(t => t.Id == ticket.Id).Set(t => t.Number, ticket.Number).Update();

        AddEvent(db, ticket, viewer.Id, TicketEventKind.Created, null, TicketStatus.New.Display(),
            requesterId == viewer.Id ? null : "Filed on behalf of the requester", now);
        audit.Append(db, actor, AuditEvent.Ticket_Created, "ticket", ticket.NumberText, new
        {
            subject,
            requestType = ticket.RequestType.ToString(),
            impact = ticket.Impact.ToString(),
            urgency = ticket.Urgency.ToString(),
            priority = ticket.Priority.ToString(),
            requesterId,
            onBehalf = requesterId != viewer.Id,
        });
        if (overridden)
        {
            AddEvent(db, ticket, viewer.Id, TicketEventKind.PriorityChanged, matrixPriority.ToString(), ticket.Priority.ToString(),
                input.OverrideReason!.Trim(), now);
            audit.Append(db, actor, AuditEvent.Ticket_PriorityChanged, "ticket", ticket.NumberText,
                Merge(AuditLog.Change("priority", matrixPriority.ToString(), ticket.Priority.ToString()), "reason", input.OverrideReason!.Trim()));
        }

        InsertAttachments(db, actor, ticket, null, false, viewer.Id, stored, now);
        transaction.Commit();
        logger.LogInformation("Ticket {TicketNumber} was filed by user {UserId}", ticket.NumberText, viewer.Id);
        return CommandResult.Ok(ticket.Number, $"Ticket {ticket.NumberText} was filed.");
    }

    /// <summary>Adds a public comment or, for agents, an internal note, with attachments.</summary>
    public async Task<CommandResult> CommentAsync(
        CurrentUser viewer, AuditActor actor, long number, string? body, bool isInternal, IReadOnlyList<IFormFile> uploads)
    {
        var text = (body ?? "").Trim();
        if (text.Length == 0 && uploads.Count == 0)
        {
            return CommandResult.Invalid("Write a comment or attach a file.");
        }

        if (text.Length > MaxText)
        {
            return CommandResult.Invalid($"A comment can be at most {MaxText} characters long.");
        }

        var (stored, uploadError) = await StoreAsync(uploads);
        if (uploadError is not null)
        {
            return CommandResult.Invalid(uploadError);
        }

        try
        {
            var result = Comment(viewer, actor, number, text, isInternal && viewer.IsAgent, stored);
            if (!result.Succeeded)
            {
                stored.ForEach(files.Discard);
            }

            return result;
        }
        catch
        {
            stored.ForEach(files.Discard);
            throw;
        }
    }

    private CommandResult Comment(CurrentUser viewer, AuditActor actor, long number, string text, bool isInternal, List<StoredFile> stored)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        var now = clock.UtcNowMicroseconds();
        var ticket = Load(db, viewer, number);
        if (ticket is null)
        {
            return CommandResult.NotFound;
        }

        if (!TicketAccess.CanComment(viewer, ticket))
        {
            return CommandResult.Invalid(ticket.Status == TicketStatus.Closed
                ? "This ticket is closed. File a new ticket that refers to it."
                : "You may read this ticket but not comment on it.");
        }

        var commentId = InsertComment(db, actor, ticket, viewer.Id, text, isInternal, now);
        InsertAttachments(db, actor, ticket, commentId, isInternal, viewer.Id, stored, now);

        var version = ticket.RowVersion;
        if (!isInternal && viewer.IsAgent && ticket.RequesterId != viewer.Id && ticket.FirstResponseAt is null)
        {
            ticket.FirstResponseAt = now;
        }

        // The requester's reply to a question starts the work and the SLA clock again.
        if (ticket.Status == TicketStatus.WaitingForUser && ticket.RequesterId == viewer.Id)
        {
            Move(db, actor, ticket, viewer.Id, TicketStatus.InProgress, "The requester replied", now);
        }

        ticket.UpdatedAt = now;
        if (!Save(db, ticket, version))
        {
            return CommandResult.Stale;
        }

        transaction.Commit();
        return CommandResult.Ok(ticket.Number, isInternal ? "The internal note was added." : "The comment was added.");
    }
}
