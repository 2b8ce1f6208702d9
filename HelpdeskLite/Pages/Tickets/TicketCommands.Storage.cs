using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Files;
using HelpdeskLite.Tickets;
using LinqToDB;

namespace HelpdeskLite.Pages.Tickets;

public sealed partial class TicketCommands
{
    /// <summary>
    /// Opens an attachment the caller already found visible and records the download in the
    /// audit log; returns null when the stored file is missing.
    /// </summary>
    public Stream? OpenAttachment(AuditActor actor, long number, TicketAttachment attachment)
    {
        var stream = files.Open(attachment.StorageKey);
        if (stream is null)
        {
            logger.LogWarning("Attachment {AttachmentId} of ticket {TicketNumber} is missing from the file store",
                attachment.Id, TicketNames.Format(number));
            return null;
        }

        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        audit.Append(db, actor, AuditEvent.Ticket_AttachmentDownloaded, "ticket", TicketNames.Format(number),
            new { attachmentId = attachment.Id, fileName = attachment.FileName, sha256 = attachment.Sha256 });
        transaction.Commit();
        return stream;
    }

    /// <summary>Loads a ticket the viewer may see, or null, so a hidden ticket reads as missing.</summary>
    private static Ticket? Load(HelpdeskDb db, CurrentUser viewer, long number) =>
        db.Tickets.VisibleTo(viewer).FirstOrDefault(t => t.Number == number);

    /// <summary>Writes the ticket's changeable columns unless another writer changed it since it was read.</summary>
    private static bool Save(HelpdeskDb db, Ticket ticket, int expectedVersion)
    {
        var updated = db.Tickets
            .Where(t => t.Id == ticket.Id && t.RowVersion == expectedVersion)
            .Set(t => t.Status, ticket.Status)
            .Set(t => t.Priority, ticket.Priority)
            .Set(t => t.PriorityOverridden, ticket.PriorityOverridden)
            .Set(t => t.AssigneeId, ticket.AssigneeId)
            .Set(t => t.ResolutionNote, ticket.ResolutionNote)
            .Set(t => t.UpdatedAt, ticket.UpdatedAt)
            .Set(t => t.FirstResponseAt, ticket.FirstResponseAt)
            .Set(t => t.ResolvedAt, ticket.ResolvedAt)
            .Set(t => t.ClosedAt, ticket.ClosedAt)
            .Set(t => t.FirstResponseDue, ticket.FirstResponseDue)
            .Set(t => t.FirstResponseWarnAt, ticket.FirstResponseWarnAt)
            .Set(t => t.ResolutionDue, ticket.ResolutionDue)
            .Set(t => t.ResolutionWarnAt, ticket.ResolutionWarnAt)
            .Set(t => t.SlaState, ticket.SlaState)
            .Set(t => t.AutoCloseAt, ticket.AutoCloseAt)
            .Set(t => t.RowVersion, expectedVersion + 1)
            .Update();
        ticket.RowVersion = expectedVersion + 1;
        return updated == 1;
    }

    private static void AddEvent(
        HelpdeskDb db, Ticket ticket, long? actorId, TicketEventKind kind, string? from, string? to, string? note, DateTime now,
        bool isInternal = false) =>
        db.Insert(new TicketEvent
        {
            TicketId = ticket.Id,
            OccurredAt = now,
            ActorId = actorId,
            Kind = kind,
            FromValue = Clip(from),
            ToValue = Clip(to),
            Note = string.IsNullOrEmpty(note) ? null : note,
            IsInternal = isInternal,
        });

    private long InsertComment(HelpdeskDb db, AuditActor actor, Ticket ticket, long authorId, string text, bool isInternal, DateTime now)
    {
        var id = db.InsertWithInt64Identity(new TicketComment
        {
            TicketId = ticket.Id,
            AuthorId = authorId,
            Body = text,
            IsInternal = isInternal,
            CreatedAt = now,
        });
        audit.Append(db, actor, isInternal ? AuditEvent.Ticket_InternalNoteAdded : AuditEvent.Ticket_CommentAdded,
            "ticket", ticket.NumberText, new { commentId = id, length = text.Length });
        var authorName = db.Users.Where(u => u.Id == authorId).Select(u => u.DisplayName).FirstOrDefault() ?? "";
        notifications.RaiseTicketCommented(db, ticket,
            new TicketComment { Id = id, TicketId = ticket.Id, AuthorId = authorId, Body = text, IsInternal = isInternal },
            authorName);
        return id;
    }

    private void InsertAttachments(
        HelpdeskDb db, AuditActor actor, Ticket ticket, long? commentId, bool isInternal, long uploaderId,
        IEnumerable<StoredFile> stored, DateTime now)
    {
        foreach (var file in stored)
        {
            var id = db.InsertWithInt64Identity(new TicketAttachment
            {
                TicketId = ticket.Id,
                CommentId = commentId,
                IsInternal = isInternal,
                UploadedById = uploaderId,
                StorageKey = file.StorageKey,
                Sha256 = file.Sha256,
                SizeBytes = file.Size,
                FileName = file.FileName,
                ContentType = file.ContentType,
                CreatedAt = now,
            });
            audit.Append(db, actor, AuditEvent.Ticket_AttachmentUploaded, "ticket", ticket.NumberText, new
            {
                attachmentId = id,
                fileName = file.FileName,
                size = file.Size,
                sha256 = file.Sha256,
                isInternal,
            });
        }
    }

    /// <summary>Stores every upload, or none of them when one is rejected.</summary>
    private async Task<(List<StoredFile> Stored, string? Error)> StoreAsync(IReadOnlyList<IFormFile> uploads)
    {
        var stored = new List<StoredFile>();
        var batchError = files.CheckBatch(uploads.ToList());
        if (batchError is not null)
        {
            return (stored, batchError);
        }

        foreach (var upload in uploads)
        {
            var result = await files.SaveAsync(upload);
            if (result.File is null)
            {
                stored.ForEach(files.Discard);
                return ([], result.Error);
            }

            stored.Add(result.File);
        }

        return (stored, null);
    }

    private static string? CheckText(string subject, string description, NewTicketInput input)
    {
        if (subject.Length == 0)
        {
            return "Enter a subject.";
        }

        if (subject.Length > MaxSubject)
        {
            return $"The subject can be at most {MaxSubject} characters long; it has {subject.Length}.";
        }

        if (description.Length > MaxText)
        {
            return $"The description can be at most {MaxText} characters long.";
        }

        if (!Enum.IsDefined(input.RequestType) || !Enum.IsDefined(input.Impact) || !Enum.IsDefined(input.Urgency))
        {
            return "Choose a request type, an impact and an urgency from the lists.";
        }

        return null;
    }

    private static long? FindRelated(HelpdeskDb db, CurrentUser viewer, string text)
    {
        var digits = text.Trim().TrimStart('T', 't').TrimStart('-');
        return long.TryParse(digits, out var number)
            ? db.Tickets.VisibleTo(viewer).Where(t => t.Number == number && t.Status == TicketStatus.Closed)
                .Select(t => (long?)t.Id).FirstOrDefault()
            : null;
    }

    private static Dictionary<string, object?> Merge(Dictionary<string, object?> change, string key, object? value)
    {
        change[key] = value;
        return change;
    }

    private static string? Clip(string? value) => value is { Length: > 200 } ? value[..200] : value;
}
