using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;
using LinqToDB;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>
/// Decides who may read which incident. Security Officers and Admins read all of them. IT Support
/// reads only the summary of incidents converted from tickets they converted or are assigned to.
/// A reporter reads only the status view of their own reports, and every other request gets 404.
/// </summary>
public static class IncidentAccess
{
    public static bool CanInvestigate(CurrentUser user) => CanInvestigate(user.Role);

    public static bool CanInvestigate(Role role) => role is Role.SecurityOfficer or Role.Admin;

    public static bool CanConvertTickets(CurrentUser user) =>
        user.Role is Role.ItSupport or Role.SecurityOfficer or Role.Admin;

    /// <summary>Returns whether an IT Support user may see the incident's summary.</summary>
    public static bool CanSeeSummary(HelpdeskDb db, CurrentUser user, Incident incident)
    {
        if (CanInvestigate(user))
        {
            return true;
        }

        if (user.Role != Role.ItSupport || incident.SourceTicketId is not { } ticketId)
        {
            return false;
        }

        return incident.ConvertedById == user.Id || IsAssignedTicket(db, ticketId, user.Id);
    }

    private static bool IsAssignedTicket(HelpdeskDb db, long ticketId, long userId) =>
        db.Tickets.Any(t => t.Id == ticketId && t.AssigneeId == userId);
}
