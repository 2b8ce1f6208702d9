namespace HelpdeskLite.E2E.Infrastructure;

/// <summary>Someone who uses the product, with the role label of the user form.</summary>
public sealed record Person(string Username, string DisplayName, string RoleLabel);
