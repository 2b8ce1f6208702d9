namespace HelpdeskLite.Hosting;

/// <summary>Settings of the <c>Helpdesk</c> section.</summary>
public sealed class HelpdeskOptions
{
    /// <summary>Folder for the SQLite database, attachments, logs and generated keys.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>Time zone of the organisation, used for business calendars and new users.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Address people use to reach the product, for the printed set-up link.</summary>
    public string PublicUrl { get; set; } = "";
}

/// <summary>Settings of the <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    /// <summary>Base64 HMAC key for session tokens; empty means a key file in the data folder.</summary>
    public string SigningKey { get; set; } = "";

    public int SessionMinutes { get; set; } = 60;

    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    public int MinPasswordLength { get; set; } = 12;

    public int SetupLinkMinutes { get; set; } = 60;
}
