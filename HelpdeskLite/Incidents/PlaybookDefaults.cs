namespace HelpdeskLite.Incidents;

/// <summary>The playbooks the product ships with; admins can change them afterwards.</summary>
public static class PlaybookDefaults
{
    private const IncidentTaskKind I = IncidentTaskKind.Investigation;
    private const IncidentTaskKind C = IncidentTaskKind.Corrective;

    public static IReadOnlyDictionary<IncidentCategory, (IncidentTaskKind Kind, string Title)[]> Steps { get; } =
        new Dictionary<IncidentCategory, (IncidentTaskKind, string)[]>
        {
            [IncidentCategory.Phishing] =
            [
                (I, "Keep the original message with its full headers as evidence"),
                (I, "Find every recipient of the same message and who opened or answered it"),
                (I, "Check whether anyone followed a link, opened an attachment or entered a password"),
                (I, "Reset passwords and end sessions of accounts that entered credentials"),
                (I, "Block the sender address, domains and links at the mail gateway and proxy"),
                (C, "Remind staff how to recognise and report this kind of message"),
            ],
            [IncidentCategory.Malware] =
            [
                (I, "Disconnect the affected device from the network without switching it off"),
                (I, "Identify the malware from file hashes, names and behaviour"),
                (I, "Look for the same file hashes and connections on other devices"),
                (I, "Clean or reinstall the device from a known good image"),
                (C, "Close the way the malware got in (patch, block, or restrict execution)"),
            ],
            [IncidentCategory.UnauthorizedAccess] =
            [
                (I, "Lock the affected accounts and end their sessions"),
                (I, "Review sign-in records for the accounts: times, sources, other accounts"),
                (I, "Establish what the intruder viewed, changed or copied"),
                (I, "Reset credentials and review access rights of the accounts"),
                (C, "Enforce two-factor sign-in where it was missing"),
            ],
            [IncidentCategory.DataExposure] =
            [
                (I, "Stop further exposure: withdraw the share, link or copy"),
                (I, "Establish which data, how many records and which people are affected"),
                (I, "Decide with the data protection officer whether authorities or people must be notified"),
                (I, "Record who had access to the exposed data and when"),
                (C, "Fix the process or setting that let the data out"),
            ],
            [IncidentCategory.PolicyViolation] =
            [
                (I, "Record which policy was broken, by whom, and how it was found"),
                (I, "Assess whether the violation exposed systems or data"),
                (I, "Involve the person's manager and, where required, human resources"),
                (C, "Clarify the policy or add a technical control that prevents a repeat"),
            ],
            [IncidentCategory.SystemCompromise] =
            [
                (I, "Isolate the compromised system and preserve its disk and memory where possible"),
                (I, "Find the first point of entry and every system reached from it"),
                (I, "Rotate every credential and key stored on or used by the system"),
                (I, "Rebuild the system from trusted sources and restore data from a clean backup"),
                (I, "Watch the rebuilt system closely for signs of the attacker's return"),
                (C, "Patch or reconfigure the weakness that allowed the compromise"),
            ],
        };
}
