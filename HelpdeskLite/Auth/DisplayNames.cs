using System.Globalization;
using System.Text;

namespace HelpdeskLite.Auth;

/// <summary>The rule for the names people are shown by, shared by account creation and the profile page.</summary>
public static class DisplayNames
{
    public const int MaxLength = 200;

    private const int ZeroWidthNonJoiner = 0x200C;
    private const int ZeroWidthJoiner = 0x200D;

    // Letters that draw nothing, so a name made of them looks empty.
    private static readonly HashSet<int> BlankLetters = [0x115F, 0x1160, 0x3164, 0xFFA0];

    /// <summary>
    /// Returns an error for an empty or overlong name, or one without a visible letter or digit.
    /// Control, format, line-separator, private-use and unassigned characters are rejected too,
    /// because they could make a name pass for someone else's. Joiners between two letters stay
    /// allowed, as Persian, Indic scripts and emoji need them. Returns null when the name is acceptable.
    /// </summary>
    public static string? Check(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length is 0 or > MaxLength)
        {
            return $"The display name must be 1 to {MaxLength} characters.";
        }

        var runes = trimmed.EnumerateRunes().ToList();
        for (var i = 0; i < runes.Count; i++)
        {
            if (IsHidden(runes, i))
            {
                return "The display name contains an invisible or text-direction character (such as a right-to-left override). Type the name again without it.";
            }
        }

        return runes.Any(r => Rune.IsLetterOrDigit(r) && !BlankLetters.Contains(r.Value))
            ? null
            : "The display name must contain at least one visible letter or digit.";
    }

    private static bool IsHidden(List<Rune> runes, int index)
    {
        var rune = runes[index];
        if (rune.Value is ZeroWidthNonJoiner or ZeroWidthJoiner)
        {
            return index == 0 || index == runes.Count - 1
                || Rune.IsWhiteSpace(runes[index - 1]) || Rune.IsWhiteSpace(runes[index + 1]);
        }

        return BlankLetters.Contains(rune.Value) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            or UnicodeCategory.Surrogate;
    }
}
