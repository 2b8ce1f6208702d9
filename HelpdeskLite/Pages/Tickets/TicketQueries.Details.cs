using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Pages.Tickets;

public sealed record AttachmentView(long Id, string FileName, long SizeBytes, string Sha256, bool IsInternal);

/// <summary>One entry of the ticket's history: a comment, an internal note or a recorded change.</summary>
public sealed record TimelineItem(
    DateTime At, long Sequence, string ActorName, TimelineKind Kind, string? Text, string? From, string? To,
    TicketEventKind? EventKind, IReadOnlyList<AttachmentView> Attachments);

public enum TimelineKind
{
    Comment,
    InternalNote,
    Event,
}

public sealed record PauseView(DateTime Start, DateTime? End, string Reason, string? CausedBy);

/// <summary>How the due times were reached: the policy, its calendar, the pauses and the time counted.</summary>
public sealed record SlaExplanation(
    SlaPolicy Policy,
    BusinessCalendar Calendar,
    string CalendarHours,
    int HolidayCount,
    TimeSpan FirstResponseTarget,
    TimeSpan ResolutionTarget,
    TimeSpan Counted,
    IReadOnlyList<PauseView> Pauses);

public sealed record TicketDetails(
    Ticket Ticket,
    string RequesterName,
    string CreatedByName,
    string? AssigneeName,
    long? RelatedNumber,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<TimelineItem> Timeline,
    SlaExplanation Sla);

public sealed partial class TicketQueries
{
    /// <summary>Loads a ticket with its history as the viewer may see it, or null when hidden or missing.</summary>
    public TicketDetails? Details(CurrentUser viewer, long number)
    {
        using var db = dbs.Open();
        var ticket = db.Tickets.VisibleTo(viewer).FirstOrDefault(t => t.Number == number);
        if (ticket is null)
        {
            return null;
        }

        var staff = TicketAccess.SeesInternal(viewer);
        var comments = db.TicketComments.Where(c => c.TicketId == ticket.Id && (staff || !c.IsInternal)).ToList();
        var events = db.TicketEvents.Where(e => e.TicketId == ticket.Id && (staff || !e.IsInternal)).ToList();
        var attachments = db.TicketAttachments.Where(a => a.TicketId == ticket.Id && (staff || !a.IsInternal)).ToList();
        var pauses = db.SlaPauses.Where(p => p.TicketId == ticket.Id).OrderBy(p => p.StartedAt).ToList();
        var userIds = comments.Select(c => c.AuthorId)
            .Concat(events.Where(e => e.ActorId != null).Select(e => e.ActorId!.Value))
            .Concat(pauses.Where(p => p.CausedById != null).Select(p => p.CausedById!.Value))
            .Append(ticket.RequesterId).Append(ticket.CreatedById)
            .Concat(ticket.AssigneeId is { } a ? [a] : [])
            .Distinct().ToList();
        var names = db.Users.Where(u => userIds.Contains(u.Id)).ToDictionary(u => u.Id, u => u.DisplayName);
        string Name(long? id) => id is { } value ? names.GetValueOrDefault(value, "(unknown)") : "HelpdeskLite";

        var byComment = attachments.Where(x => x.CommentId != null).ToLookup(x => x.CommentId!.Value, View);
        var timeline = comments
            .Select(c => new TimelineItem(c.CreatedAt, c.Id * 2, Name(c.AuthorId),
                c.IsInternal ? TimelineKind.InternalNote : TimelineKind.Comment, c.Body, null, null, null, byComment[c.Id].ToList()))
            .Concat(events.Select(e => new TimelineItem(e.OccurredAt, e.Id * 2 + 1, Name(e.ActorId), TimelineKind.Event,
                e.Note, e.FromValue, e.ToValue, e.Kind, [])))
            .OrderBy(i => i.At).ThenBy(i => i.Sequence)
            .ToList();
        long? related = ticket.RelatedTicketId is { } relatedId
            ? db.Tickets.Where(t => t.Id == relatedId).Select(t => (long?)t.Number).FirstOrDefault()
            : null;

        var sla = Explain(db, ticket, pauses, p => new PauseView(p.StartedAt, p.EndedAt, p.Reason, p.CausedById is { } c ? Name(c) : null));
        return new TicketDetails(ticket, Name(ticket.RequesterId), Name(ticket.CreatedById),
            ticket.AssigneeId is { } assignee ? Name(assignee) : null, related,
            attachments.Where(x => x.CommentId == null).Select(View).ToList(), timeline, sla);
    }

    /// <summary>Finds an attachment the viewer may download, or null when it is hidden or missing.</summary>
    public TicketAttachment? FindAttachment(CurrentUser viewer, long number, long attachmentId)
    {
        using var db = dbs.Open();
        var staff = TicketAccess.SeesInternal(viewer);
        return (
            from a in db.TicketAttachments
            from t in db.Tickets.VisibleTo(viewer).InnerJoin(t => t.Id == a.TicketId)
            where a.Id == attachmentId && t.Number == number && (staff || !a.IsInternal)
            select a).FirstOrDefault();
    }

    private SlaExplanation Explain(HelpdeskDb db, Ticket ticket, List<SlaPause> pauses, Func<SlaPause, PauseView> view)
    {
        var config = SlaConfiguration.Load(db);
        var calendar = config.CalendarFor(ticket.Priority);
        var (firstResponse, resolution) = config.TargetsFor(ticket.Priority);
        var end = ticket.ResolvedAt ?? ticket.ClosedAt ?? clock.GetUtcNow().UtcDateTime;
        var spans = pauses.Select(p => new PauseSpan(p.StartedAt, p.EndedAt)).ToList();
        var counted = SlaCalculator.BusinessTimeBetween(calendar, ticket.CreatedAt, end, spans);
        var row = db.BusinessCalendars.First(c => c.Id == config.PolicyFor(ticket.Priority).CalendarId);
        return new SlaExplanation(config.PolicyFor(ticket.Priority), calendar,
            calendar.AroundTheClock ? "around the clock" : row.WeeklyHours, calendar.Holidays.Count,
            firstResponse, resolution, counted, pauses.Select(view).ToList());
    }

    private static AttachmentView View(TicketAttachment a) => new(a.Id, a.FileName, a.SizeBytes, a.Sha256, a.IsInternal);
}
