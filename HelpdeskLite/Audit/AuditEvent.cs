namespace HelpdeskLite.Audit;

/// <summary>
/// What an audit entry records. The numbers are stored in the chain and covered by its MACs,
/// so they never change; each entity has its own block.
/// </summary>
public enum AuditEvent
{
    // Sign-in and accounts: 100+
    SignIn_Succeeded = 100,
    SignIn_Failed = 101,
    SignOut_Completed = 102,
    Account_LockedOut = 103,
    Setup_AdminCreated = 104,
    Setup_LinkIssued = 105,
    User_Created = 110,
    User_RoleChanged = 111,
    User_Deactivated = 112,
    User_Reactivated = 113,
    User_PasswordReset = 114,
    User_Unlocked = 115,
    User_PasswordChanged = 116,
    User_ProfileChanged = 117,
    User_TwoFactorEnabled = 118,
    User_TwoFactorDisabled = 119,
    User_PasswordChangeRefused = 120,

    // Tickets: 1000+
    Ticket_Created = 1000,
    Ticket_Assigned = 1001,
    Ticket_StatusChanged = 1002,
    Ticket_PriorityChanged = 1003,
    Ticket_CommentAdded = 1004,
    Ticket_InternalNoteAdded = 1005,
    Ticket_AttachmentUploaded = 1006,
    Ticket_AttachmentDownloaded = 1007,
    Ticket_FieldChanged = 1008,
    Ticket_SlaWarning = 1009,
    Ticket_SlaBreached = 1010,
    Ticket_AutoClosed = 1011,
    Ticket_SlaRecomputed = 1012,
    Ticket_SlaPolicyChanged = 1020,
    Ticket_CalendarChanged = 1021,
    Ticket_PriorityMatrixChanged = 1022,
    Ticket_AutoCloseDaysChanged = 1023,

    // Incidents: 1100+
    Incident_Created = 1100,
    Incident_FieldChanged = 1101,
    Incident_StatusChanged = 1102,
    Incident_Reopened = 1103,
    Incident_SeverityChanged = 1104,
    Incident_OwnerChanged = 1105,
    Incident_EvidenceAdded = 1106,
    Incident_EvidenceDownloaded = 1107,
    Incident_EvidenceSuperseded = 1108,
    Incident_EvidenceIntegrityFailed = 1109,
    Incident_TaskAdded = 1110,
    Incident_TaskChanged = 1111,
    Incident_ObservableAdded = 1112,
    Incident_TimelineEntryAdded = 1113,
    Incident_TimelineEntryEdited = 1114,
    Incident_MessageToReporter = 1115,
    Incident_CommentAdded = 1116,
    Incident_ConvertedFromTicket = 1117,
    Incident_PlaybookChanged = 1118,
    Incident_PlaybookApplied = 1119,
    Incident_AssetAdded = 1120,
    Incident_AssetRemoved = 1121,
    Incident_ClosedAsFalsePositive = 1122,
    Incident_TaskOverdue = 1123,

    // Settings: 1500+
    Settings_Changed = 1500,

    // Exports and reports: 1600+
    Export_Downloaded = 1600,

    // Security: 1700+
    TwoFactor_CodeRejected = 1700,
    TwoFactor_RecoveryCodeUsed = 1701,
    TwoFactor_SignInCompleted = 1702,

    // The audit log itself: 1900+
    Audit_Verified = 1900,
    Audit_CheckpointWritten = 1901,
    Audit_KeyRotated = 1902,
}
