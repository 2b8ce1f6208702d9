using HelpdeskLite.Incidents;
using HelpdeskLite.Pages.Incidents;
using HelpdeskLite.Pages.Tickets;
using HelpdeskLite.Tickets;

namespace HelpdeskLite.Demo;

/// <summary>Six invented incidents, one for each stage of the incident workflow.</summary>
internal sealed class DemoIncidentScripts(DemoSchedule schedule, DemoContext demo)
{
    private const string Lead = "security.berg";
    private const string Second = "security.haddad";
    private const string Justification = "Set after talking to the people affected.";

    public void AddAll(DateTimeOffset end)
    {
        AddPhishing(DemoWorkingTime.Next(end - TimeSpan.FromDays(24), new Random(1)));
        AddStolenLaptop(DemoWorkingTime.Next(end - TimeSpan.FromDays(12), new Random(2)));
        AddMalware(end - TimeSpan.FromDays(6));
        AddOpenShare(end - TimeSpan.FromDays(3));
        AddSignInAlerts(end - TimeSpan.FromDays(1));
        new DemoIncident(schedule, demo, Lead, end - TimeSpan.FromHours(3)).Report(
            "david.kim", "USB stick found in the car park",
            "I found a USB stick with our logo next to my car this morning. I have not plugged it in. It is on my desk.",
            "Nothing yet, as far as I know.", 45);
    }

    private void AddPhishing(DateTimeOffset start)
    {
        var ticket = new NewTicketInput
        {
            Subject = "Suspicious e-mail asking me to confirm my mailbox password",
            Description = "I received an e-mail from \"IT Service Desk\" saying my mailbox is full and asking me to "
                + "confirm my password at a link. I did not click it. Several colleagues got the same message.",
            RequestType = RequestType.General,
            Impact = Level.Medium,
            Urgency = Level.High,
        };
        new DemoIncident(schedule, demo, Lead, start)
            .FromTicket("ben.carter", "support.lee", ticket)
            .Wait(25).Assess(Assessment("Phishing mail asking staff for their mailbox password", IncidentCategory.Phishing,
                ImpactLevel.Moderate, ImpactLevel.Low, ImpactLevel.None, 43, Severity.Medium, "Mail gateway\nStaff mailboxes"))
            .Wait(5).Move(IncidentStatus.Triaged)
            .Wait(20).Move(IncidentStatus.Investigating)
            .Wait(10).Evidence("message-headers.txt", PhishingHeaders, "Headers of the copy reported by the requester")
            .Wait(5).Observable(ObservableKind.Domain, "mailbox-quota-check.example", "Sender and link domain")
            .Wait(2).Observable(ObservableKind.Url, "https://mailbox-quota-check.example/confirm", "Link in the message body")
            .Wait(10).Entry(150, "First copy of the message delivered; 43 mailboxes received it within four minutes.")
            .Wait(5).Entry(40, "Two staff said they opened the link; neither entered a password.")
            .Wait(30).Move(IncidentStatus.Contained,
                "Blocked the sender domain and the link at the mail gateway; removed the message from all mailboxes.", 10)
            .Wait(60 * 20).Move(IncidentStatus.Recovered,
                "Reset the passwords of the two staff who opened the link; no sign-ins from unknown addresses were found.", 30)
            .Wait(10).MessageReporter("Thank you for reporting this. The message was removed for everyone and no account was misused.")
            .Wait(60 * 24).Review(
                "A credential-phishing campaign from a look-alike domain passed the mail filter's reputation check.",
                "The gateway did not flag newly registered domains; the message copied our own footer.",
                "Flag mail from domains younger than 30 days; repeat the phishing awareness session each quarter.")
            .Wait(5).UpdateTasks(done: true)
            .Wait(5).Move(IncidentStatus.Closed);
    }

    private void AddStolenLaptop(DateTimeOffset start) =>
        new DemoIncident(schedule, demo, Second, start)
            .Report("elena.rossi", "Work laptop stolen from my car",
                "My work laptop was taken from my car outside the train station last night. The car window was broken. "
                + "I have reported it to the police.", "Laptop LT-2291, my mailbox and the sales folder", 600)
            .Wait(40).Assess(Assessment("Stolen laptop LT-2291", IncidentCategory.DataExposure,
                ImpactLevel.Low, ImpactLevel.None, ImpactLevel.Low, 1, Severity.Medium, "Laptop LT-2291"))
            .Wait(5).Move(IncidentStatus.Triaged)
            .Wait(15).Move(IncidentStatus.Investigating)
            .Wait(10).Task(IncidentTaskKind.Investigation, "Confirm the disk of LT-2291 is encrypted", 1, done: true)
            .Wait(20).Entry(5, "Device management shows full-disk encryption was on; last check-in 19:12 yesterday.")
            .Wait(30).Move(IncidentStatus.Contained, "Issued a remote wipe and revoked the laptop's certificates; reset the user's password.", 5)
            .Wait(60 * 26).Move(IncidentStatus.Recovered, "Issued replacement laptop LT-2350 and restored the user's files from backup.", 60)
            .Wait(5).MessageReporter("Your replacement laptop is ready at the service desk. Please sign in with your new password.");

    private void AddMalware(DateTimeOffset start) =>
        new DemoIncident(schedule, demo, Lead, start)
            .Report("hugo.martin", "Antivirus warning after opening an invoice",
                "I opened an invoice attachment from a supplier and the antivirus showed a red warning. The PC is slow since.",
                "My PC in finance (WS-FIN-07)", 20)
            .Wait(25).Assess(Assessment("Malware alert on finance workstation WS-FIN-07", IncidentCategory.Malware,
                ImpactLevel.Moderate, ImpactLevel.Moderate, ImpactLevel.Low, 1, Severity.High, "WS-FIN-07\nFinance file share"))
            .Wait(5).Move(IncidentStatus.Triaged)
            .Wait(10).Move(IncidentStatus.Investigating)
            .Wait(10).Evidence("antivirus-alert.txt", MalwareAlert, "Alert exported from the antivirus console")
            .Wait(5).Observable(ObservableKind.FileName, "invoice_0412.xlsm", "Attachment that raised the alert")
            .Wait(2).Observable(ObservableKind.IpAddress, "203.0.113.45", "Address the macro tried to reach")
            .Wait(20).Entry(30, "Macro attempted an outbound connection; blocked by the firewall.")
            .Wait(30).Move(IncidentStatus.Contained, "Disconnected WS-FIN-07 from the network; blocked 203.0.113.45 at the firewall.", 15)
            .Wait(15).Comment("Reimaging is booked for tomorrow morning; finance share scan is running.");

    private void AddOpenShare(DateTimeOffset start) =>
        new DemoIncident(schedule, demo, Second, start)
            .Report("grace.obi", "Salary spreadsheet visible to everyone on the shared drive",
                "While looking for a template I found a spreadsheet with everyone's salaries in the general shared folder.",
                "Shared drive, folder Templates", 10)
            .Wait(60).Assess(Assessment("Salary data readable by all staff on the shared drive", IncidentCategory.DataExposure,
                ImpactLevel.High, ImpactLevel.None, ImpactLevel.None, 250, Severity.High, "File server FS-02"))
            .Wait(5).Move(IncidentStatus.Triaged)
            .Wait(10).Move(IncidentStatus.Investigating)
            .Wait(10).Task(IncidentTaskKind.Investigation, "List who opened the file since it was copied there", 2)
            .Wait(30).Entry(60 * 24 * 9, "File copied into the Templates folder by an HR account.")
            .Wait(10).Comment("Permissions fixed temporarily; waiting for the file server access log.");

    private void AddSignInAlerts(DateTimeOffset start) =>
        new DemoIncident(schedule, demo, Lead, start)
            .Report("keiko.tanaka", "Sign-in alerts for my account at night",
                "I got three alerts that someone tried to sign in to my account between 02:00 and 03:00. It was not me.",
                "My account", 360)
            .Wait(30).Assess(Assessment("Failed VPN sign-ins for one account from abroad", IncidentCategory.UnauthorizedAccess,
                ImpactLevel.Low, ImpactLevel.None, ImpactLevel.None, 1, Severity.Low, "VPN gateway"))
            .Wait(5).Move(IncidentStatus.Triaged);

    private static AssessmentInput Assessment(
        string title, IncidentCategory category, ImpactLevel confidentiality, ImpactLevel integrity,
        ImpactLevel availability, int usersAffected, Severity severity, string assets) =>
        new(title, category, confidentiality, integrity, availability, usersAffected, 1, "", false,
            severity, Justification, "Reported by staff", null, Tlp.Amber, null, null, assets);

    private const string PhishingHeaders = """
        Received: from mail.mailbox-quota-check.example (198.51.100.23)
        From: "IT Service Desk" <support@mailbox-quota-check.example>
        Subject: Your mailbox is full - confirm your password
        Return-Path: <bounce@mailbox-quota-check.example>
        Authentication-Results: spf=softfail; dkim=none
        """;

    private const string MalwareAlert = """
        Detection: Trojan downloader (macro)
        File: C:\Users\hmartin\Downloads\invoice_0412.xlsm
        Action: quarantined
        Outbound connection blocked: 203.0.113.45:443
        """;
}
