using HelpdeskLite.Data;
using LinqToDB;

namespace HelpdeskLite.Pages.Admin.Users;

public sealed record UserRow(
    long Id,
    string Username,
    string DisplayName,
    Role Role,
    bool IsActive,
    DateTime? LockedUntil,
    DateTime? LastSignInAt,
    bool MustChangePassword);

public sealed record UserPage(IReadOnlyList<UserRow> Rows, int Page, bool HasMore);

public sealed class UserQueries(HelpdeskDbFactory dbs)
{
    public const int PageSize = 50;

    public UserPage Search(string? text, Role? role, bool? active, int page)
    {
        page = Math.Clamp(page, 1, 10_000);
        using var db = dbs.Open();
        var query = db.Users.AsQueryable();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var term = text.Trim();
            query = query.Where(u => u.Username.Contains(term) || u.DisplayName.Contains(term));
        }

        if (role is { } r && Enum.IsDefined(r))
        {
            query = query.Where(u => u.Role == r);
        }

        if (active is { } a)
        {
            query = query.Where(u => u.IsActive == a);
        }

        var rows = query.OrderBy(u => u.Username)
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .Select(u => new UserRow(u.Id, u.Username, u.DisplayName, u.Role, u.IsActive, u.LockedUntil, u.LastSignInAt, u.MustChangePassword))
            .ToList();
        return new UserPage(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }

    public User? Find(long id)
    {
        using var db = dbs.Open();
        return db.Users.FirstOrDefault(u => u.Id == id);
    }

    /// <summary>Returns active users of the given roles, for pickers such as "assign to".</summary>
    public IReadOnlyList<UserRow> ActiveWithRoles(params Role[] roles)
    {
        using var db = dbs.Open();
        return db.Users.Where(u => u.IsActive && roles.Contains(u.Role))
            .OrderBy(u => u.DisplayName)
            .Select(u => new UserRow(u.Id, u.Username, u.DisplayName, u.Role, u.IsActive, u.LockedUntil, u.LastSignInAt, u.MustChangePassword))
            .ToList();
    }
}
