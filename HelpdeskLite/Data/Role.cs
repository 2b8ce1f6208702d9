namespace HelpdeskLite.Data;

/// <summary>What a person may do; the numbers are stored and never change.</summary>
public enum Role
{
    User = 0,
    ItSupport = 1,
    SecurityOfficer = 2,
    Admin = 3,
}

public static class RoleNames
{
    public const string User = nameof(Role.User);
    public const string ItSupport = nameof(Role.ItSupport);
    public const string SecurityOfficer = nameof(Role.SecurityOfficer);
    public const string Admin = nameof(Role.Admin);

    /// <summary>Returns the name shown to people, such as "IT Support".</summary>
    public static string Display(this Role role) => role switch
    {
        Role.ItSupport => "IT Support",
        Role.SecurityOfficer => "Security Officer",
        _ => role.ToString(),
    };
}
