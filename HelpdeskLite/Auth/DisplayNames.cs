using System.Globalization;

namespace HelpdeskLite.Auth;

/// <summary>The rule for the names people are shown by, shared by account creation and the profile page.</summary>
public static class DisplayNames
{
    public const int MaxLength = 200;

    /// <summary>
    /// Returns an error for an empty or overlong name, or one with control, format (right-to-left
    /// override, zero-width space) or line-separator characters, which could make it pass for
    /// someone else's. Returns null when the trimmed name is acceptable.
    /// </summary>
    public static string? Check(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > MaxLength)
        {
            return $"The display name must be 1 to {MaxLength} characters.";
        }

        return trimmed.Any(IsHidden)
            ? "The display name contains an invisible or text-direction character (such as a right-to-left override). Type the name again without it."
            : null;
    }

    private static bool IsHidden(char c) => char.GetUnicodeCategory(c) is
        UnicodeCategory.Control or UnicodeCategory.Format
        or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
