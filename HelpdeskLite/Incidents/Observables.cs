using System.Net;
using System.Text.RegularExpressions;

namespace HelpdeskLite.Incidents;

/// <summary>
/// Checks, normalises and defangs indicator values. Pure text work: nothing here resolves a name,
/// opens a URL or touches the network.
/// </summary>
public static partial class Observables
{
    public const int MaxLength = 2000;

    /// <summary>Returns the value in its comparable form, or an error for a value of the wrong kind.</summary>
    public static (string? Normalized, string? Error) Normalize(ObservableKind kind, string? raw)
    {
        var value = Refang((raw ?? "").Trim());
        if (value.Length == 0)
        {
            return (null, "Enter a value.");
        }

        if (value.Length > MaxLength)
        {
            return (null, $"The value is longer than {MaxLength} characters.");
        }

        return kind switch
        {
            ObservableKind.IpAddress => IPAddress.TryParse(value, out var ip)
                ? (ip.ToString(), null)
                : (null, $"\"{value}\" is not a valid IPv4 or IPv6 address."),
            ObservableKind.Domain => DomainPattern().IsMatch(value)
                ? (value.TrimEnd('.').ToLowerInvariant(), null)
                : (null, $"\"{value}\" is not a valid domain name."),
            ObservableKind.Url => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Host.Length > 0
                ? (value, null)
                : (null, $"\"{value}\" is not an absolute URL such as https://example.com/path."),
            ObservableKind.Email => EmailPattern().IsMatch(value)
                ? (value.ToLowerInvariant(), null)
                : (null, $"\"{value}\" is not a valid e-mail address."),
            ObservableKind.FileHash => HashPattern().IsMatch(value)
                ? (value.ToLowerInvariant(), null)
                : (null, "A file hash is 32, 40, 64 or 128 hexadecimal characters (MD5, SHA-1, SHA-256, SHA-512)."),
            _ => (value, null),
        };
    }

    /// <summary>Rewrites a value so it cannot be followed by a click: hxxp://, example[.]com, a[@]b.</summary>
    public static string Defang(ObservableKind kind, string value) => kind switch
    {
        ObservableKind.IpAddress or ObservableKind.Domain => DefangDots(value),
        ObservableKind.Url => DefangUrl(value),
        ObservableKind.Email => DefangDots(value).Replace("@", "[@]", StringComparison.Ordinal),
        _ => value,
    };

    /// <summary>Undoes common defanging, so a value pasted from a report compares equal to a live one.</summary>
    public static string Refang(string value) => value
        .Replace("[.]", ".", StringComparison.Ordinal)
        .Replace("(.)", ".", StringComparison.Ordinal)
        .Replace("[:]", ":", StringComparison.Ordinal)
        .Replace("[@]", "@", StringComparison.Ordinal)
        .Replace("hxxps://", "https://", StringComparison.OrdinalIgnoreCase)
        .Replace("hxxp://", "http://", StringComparison.OrdinalIgnoreCase);

    private static string DefangDots(string value) => value.Replace(".", "[.]", StringComparison.Ordinal);

    private static string DefangUrl(string value)
    {
        var text = SchemePattern().Replace(value, match => match.Value.ToLowerInvariant() switch
        {
            "https://" => "hxxps://",
            "http://" => "hxxp://",
            var other => other.Replace("://", "[://]", StringComparison.Ordinal),
        });
        return DefangDots(text);
    }

    [GeneratedRegex(@"^(?=.{1,253}\.?$)([a-zA-Z0-9_]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z][a-zA-Z0-9-]{0,62}\.?$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex("^([0-9a-fA-F]{32}|[0-9a-fA-F]{40}|[0-9a-fA-F]{64}|[0-9a-fA-F]{128})$")]
    private static partial Regex HashPattern();

    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9+.-]*://")]
    private static partial Regex SchemePattern();
}
