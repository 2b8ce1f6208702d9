using System.Text;

namespace HelpdeskLite.Files;

/// <summary>Judges a file's kind by its first bytes, so a renamed executable or page is caught.</summary>
public static class ContentSniffer
{
    private static readonly Dictionary<string, string> Families = new(StringComparer.OrdinalIgnoreCase)
    {
        ["pdf"] = "pdf",
        ["png"] = "png",
        ["jpg"] = "jpeg",
        ["jpeg"] = "jpeg",
        ["gif"] = "gif",
        ["webp"] = "webp",
        ["txt"] = "text",
        ["log"] = "text",
        ["csv"] = "text",
        ["json"] = "text",
        ["xml"] = "text",
        ["eml"] = "text",
        ["docx"] = "zip",
        ["xlsx"] = "zip",
        ["pptx"] = "zip",
        ["odt"] = "zip",
        ["ods"] = "zip",
        ["zip"] = "zip",
        ["doc"] = "ole",
        ["xls"] = "ole",
        ["msg"] = "ole",
    };

    private static readonly string[] ActiveMarkup = ["<script", "<html", "<svg", "<iframe", "<object", "<embed", "javascript:", "<!doctype html", "onload=", "onerror="];

    /// <summary>Returns the family the content belongs to, such as "pdf", "zip" or "text"; null if unknown.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return "pdf";
        }

        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return "png";
        }

        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return "jpeg";
        }

        if (head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8))
        {
            return "gif";
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "webp";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            return "zip";
        }

        if (head.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
        {
            return "ole";
        }

        return IsPlainText(head) ? "text" : null;
    }

    /// <summary>Returns why the content does not fit the extension, or null when it does.</summary>
    public static string? Check(string extension, ReadOnlySpan<byte> head)
    {
        if (!Families.TryGetValue(extension, out var expected))
        {
            return $"Files of type .{extension} are not accepted.";
        }

        var actual = Detect(head);
        if (actual != expected)
        {
            return $"The content of this file does not match its .{extension} name.";
        }

        if (actual == "text" && ContainsActiveMarkup(head))
        {
            return "Text files that contain web page or script markup are not accepted. Zip the file first.";
        }

        // A PDF or image that is also a web page (a polyglot) is refused too.
        if (actual != "text" && ContainsActiveMarkup(head[..Math.Min(head.Length, 1024)]))
        {
            return "This file contains web page or script markup and is not accepted.";
        }

        return null;
    }

    public static bool IsAllowedFamily(string extension) => Families.ContainsKey(extension);

    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.Contains((byte)0))
        {
            return false;
        }

        // A multi-byte character cut at the end of the sample is still text.
        var sample = head.Length > 4 ? head[..^4] : head;
        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetCharCount(sample);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool ContainsActiveMarkup(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head).ToLowerInvariant();
        return ActiveMarkup.Any(text.Contains);
    }
}
