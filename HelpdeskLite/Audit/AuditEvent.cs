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

    // Tickets: 1000+
    Ticket_Created = 1000,

    // Incidents: 1100+
    Incident_Created = 1100,

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
