namespace HelpdeskLite.Tests.Security;

/// <summary>
/// Hostile values sent through every field and query parameter. Each one that contains markup
/// or a quote must never come back unescaped.
/// </summary>
public static class Payloads
{
    public static readonly string[] All =
    [
        // Script injection, in text, attribute and htmx attribute positions.
        "<script>alert('hl-xss-1')</script>",
        "\"><img src=x onerror=alert('hl-xss-2')>",
        "' autofocus onfocus='alert(3)",
        "<div hx-get=\"/admin/users\" hx-trigger=\"load\" hx-target=\"body\">hl-xss-4</div>",
        "<a hx-on:click=\"alert('hl-xss-5')\">x</a>",
        "\" hx-on::load=\"alert(6)\" x=\"",
        "javascript:alert('hl-xss-7')",
        "<svg/onload=alert('hl-xss-8')>",
        "{{7*7}}@(1+1)${7*7}",

        // SQL injection.
        "' OR '1'='1' --",
        "1; DROP TABLE users; --",
        "\" OR \"\"=\"",
        "1' UNION SELECT username, password_hash FROM users --",
        "%' AND SLEEP(3) AND '%'='",

        // Path traversal and URLs.
        "../../../../etc/passwd",
        "..\\..\\..\\windows\\win.ini",
        "//evil.example/",

        // Length, control and encoding edge cases.
        new string('A', 5000),
        "null\0byte",
        "line\r\nSet-Cookie: injected=1",
        "\u202Egnp.exe",
        "\u200B\u200D\uFEFF",
        "Zoë 🛠️ 𠜎 ́combining",
        "\uD800",
        "-1",
        "99999999999999999999",
    ];

    /// <summary>A few payloads for the second database, to keep the run short.</summary>
    public static readonly string[] Sample = [All[0], All[1], All[3], All[9], All[12], All[18], All[20]];

    /// <summary>Payloads whose appearance verbatim in a page would mean unescaped output.</summary>
    public static bool IsMarkup(string payload) =>
        payload.Contains('<', StringComparison.Ordinal) || payload.Contains('"', StringComparison.Ordinal)
        || payload.Contains('\'', StringComparison.Ordinal);
}
