using HelpdeskLite.Tickets;
using HelpdeskLite.Tickets.Sla;
using LinqToDB;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<Ticket> Tickets => this.GetTable<Ticket>();

    public ITable<TicketComment> TicketComments => this.GetTable<TicketComment>();

    public ITable<TicketAttachment> TicketAttachments => this.GetTable<TicketAttachment>();

    public ITable<TicketEvent> TicketEvents => this.GetTable<TicketEvent>();

    public ITable<SlaPause> SlaPauses => this.GetTable<SlaPause>();

    public ITable<SlaPolicy> SlaPolicies => this.GetTable<SlaPolicy>();

    public ITable<BusinessCalendarRow> BusinessCalendars => this.GetTable<BusinessCalendarRow>();

    public ITable<CalendarHoliday> CalendarHolidays => this.GetTable<CalendarHoliday>();
}
