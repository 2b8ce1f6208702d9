using System.Globalization;
using System.Text;

namespace HelpdeskLite.Files;

/// <summary>Turns an uploaded name into one that is safe to show and to send in a download header.</summary>
public static class SafeFileName
{
    public const int MaxLength = 150;

    public static string From(string? uploaded)
    {
        var name = (uploaded ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];

        var builder = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned)
            {
                // Format characters include the right-to-left override that disguises "exe.pdf".
                continue;
            }

            builder.Append(rune.ToString() is var text && text is ":" or "*" or "?" or "\"" or "<" or ">" or "|" ? "_" : text);
        }

        name = builder.ToString().Trim().Trim('.').Trim();
        if (name.Length == 0)
        {
            name = "file";
        }

        return Shorten(name);
    }

    public static string Extension(string safeName)
    {
        var dot = safeName.LastIndexOf('.');
        return dot < 0 ? "" : safeName[(dot + 1)..].ToLowerInvariant();
    }

    private static string Shorten(string name)
    {
        if (name.Length <= MaxLength)
        {
            return name;
        }

        var extension = Extension(name);
        var keep = extension.Length is > 0 and <= 10 ? extension.Length + 1 : 0;
        var stem = new StringInfo(name[..^keep]);
        var stemLength = Math.Min(stem.LengthInTextElements, MaxLength - keep);
        return stem.SubstringByTextElements(0, stemLength) + (keep > 0 ? name[^keep..] : "");
    }
}
