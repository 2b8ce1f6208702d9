namespace HelpdeskLite.Incidents;

// The numbers of every enum here are stored in the database and never change.

public enum IncidentStatus
{
    New = 0,
    Triaged = 1,
    Investigating = 2,
    Contained = 3,
    Recovered = 4,
    Closed = 5,
}

public enum IncidentCategory
{
    Phishing = 0,
    Malware = 1,
    UnauthorizedAccess = 2,
    DataExposure = 3,
    PolicyViolation = 4,
    SystemCompromise = 5,
}

/// <summary>Impact on one of confidentiality, integrity or availability.</summary>
public enum ImpactLevel
{
    None = 0,
    Low = 1,
    Moderate = 2,
    High = 3,
}

public enum Severity
{
    Low = 0,
    Medium = 1,
    High = 2,
    Critical = 3,
}

/// <summary>Traffic Light Protocol 2.0 marking that limits who the incident may be shared with.</summary>
public enum Tlp
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}

public enum ObservableKind
{
    IpAddress = 0,
    Domain = 1,
    Url = 2,
    Email = 3,
    FileHash = 4,
    FileName = 5,
    Account = 6,
}

public enum IncidentTaskKind
{
    Investigation = 0,
    Corrective = 1,
}

public enum TimelineKind
{
    /// <summary>An entry an analyst wrote, with its own time of occurrence.</summary>
    Manual = 0,
    Reported = 1,
    StatusChanged = 2,
    SeverityChanged = 3,
    OwnerChanged = 4,
    EvidenceAdded = 5,
    EvidenceSuperseded = 6,
    Comment = 7,
    FieldChanged = 8,
    TaskChanged = 9,
    ObservableAdded = 10,
    /// <summary>A message the reporter sees on their status view.</summary>
    MessageToReporter = 11,
    Converted = 12,
}

/// <summary>Where an evidence item came from.</summary>
public enum EvidenceOrigin
{
    Upload = 0,
    ReportAttachment = 1,
    TicketDescription = 2,
    TicketAttachment = 3,
}

public static class IncidentNames
{
    public const string Prefix = "INC-";

    public static string Format(long number) => $"{Prefix}{number}";

    public static string Display(this IncidentCategory category) => category switch
    {
        IncidentCategory.UnauthorizedAccess => "Unauthorized Access",
        IncidentCategory.DataExposure => "Data Exposure",
        IncidentCategory.PolicyViolation => "Policy Violation",
        IncidentCategory.SystemCompromise => "System Compromise",
        _ => category.ToString(),
    };

    public static string Display(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "TLP:CLEAR",
        Tlp.Green => "TLP:GREEN",
        Tlp.Amber => "TLP:AMBER",
        Tlp.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:RED",
    };

    public static string Display(this ObservableKind kind) => kind switch
    {
        ObservableKind.IpAddress => "IP address",
        ObservableKind.Domain => "Domain",
        ObservableKind.Url => "URL",
        ObservableKind.Email => "E-mail address",
        ObservableKind.FileHash => "File hash",
        ObservableKind.FileName => "File name",
        _ => "Account name",
    };

    public static string Display(this EvidenceOrigin origin) => origin switch
    {
        EvidenceOrigin.ReportAttachment => "Attached to the report",
        EvidenceOrigin.TicketDescription => "Ticket description",
        EvidenceOrigin.TicketAttachment => "Ticket attachment",
        _ => "Uploaded",
    };
}
