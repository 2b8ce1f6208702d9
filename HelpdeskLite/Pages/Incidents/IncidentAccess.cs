using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Incidents;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>
/// Who sees which incident. Security Officers and Admins see all of them; IT Support sees only
/// the summary of incidents converted from tickets they converted or are assigned to; a reporter
/// sees only the status view of their own reports. Everything else answers 404.
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

    // TODO: the ticket's assignee also counts once tickets are part of this branch; until then
    // only the converting agent sees the summary.
    private static bool IsAssignedTicket(HelpdeskDb db, long ticketId, long userId) => false;
}
