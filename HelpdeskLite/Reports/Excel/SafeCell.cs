using System.Text;
using System.Text.RegularExpressions;

namespace HelpdeskLite.Reports.Excel;

/// <summary>
/// Makes user-supplied text safe for a spreadsheet cell: control characters removed, long text
/// cut to Excel's cell limit with a visible marker, and text that a spreadsheet would read as a
/// formula flagged so it is kept as text.
/// </summary>
public static partial class SafeCell
{
    /// <summary>Excel's maximum number of characters in one cell.</summary>
    public const int MaxLength = 32_767;

    public const string TruncationMarker = " [truncated]";

    /// <summary>
    /// Escapes text that Office Open XML would read as an escaped character. A cell string such
    /// as "_x0041_" means "A" to Excel, so a literal one is written with its underscore escaped
    /// ("_x005F_x0041_"). ClosedXML 0.95.4 escapes them itself; the streaming writer calls this.
    /// </summary>
    public static string EscapeOpenXmlCodes(string text) =>
        text.Contains("_x", StringComparison.OrdinalIgnoreCase)
            ? EscapedCharacter().Replace(text, "_x005F$0")
            : text;

    [GeneratedRegex("_[xX][0-9A-Fa-f]{4}_")]
    private static partial Regex EscapedCharacter();

    /// <summary>
    /// Returns true when a spreadsheet could treat the text as a formula or command: it starts
    /// with = + - @, a tab or a line break (CR, or the LF that <see cref="Clean"/> turns it into).
    /// </summary>
    public static bool LooksLikeFormula(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n';

    /// <summary>
    /// Removes control characters other than tab, line feed and carriage return (which XML cannot
    /// carry or which only confuse a reader), turns CR and CRLF into LF, drops unpaired
    /// surrogates, and truncates the result
    /// to <see cref="MaxLength"/> characters ending in <see cref="TruncationMarker"/>.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (text.Length <= MaxLength && !NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxLength));
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (c == '\r')
            {
                // A bare CR does not survive XML parsing (readers turn it into LF), so line
                // breaks are stored as LF, the one Excel uses inside a cell.
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r'))
                || c is '\uFFFE' or '\uFFFF')
            {
                continue;
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        var keep = MaxLength - TruncationMarker.Length;
        if (char.IsHighSurrogate(builder[keep - 1]))
        {
            keep--;
        }

        return builder.ToString(0, keep) + TruncationMarker;
    }

    /// <summary>Returns true when <see cref="Clean"/> would change more than the length.</summary>
    private static bool NeedsCleaning(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c != '\t' && c != '\n')
            {
                return true;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (c >= '\u007F' && char.IsControl(c)) || c is '\uFFFE' or '\uFFFF')
            {
                return true;
            }
        }

        return false;
    }
}
