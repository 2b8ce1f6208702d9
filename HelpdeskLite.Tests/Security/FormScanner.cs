using System.Net;
using System.Text.RegularExpressions;

namespace HelpdeskLite.Tests.Security;

/// <summary>A form as rendered: where it posts, how, its fields with their default values, and file inputs.</summary>
public sealed record RenderedForm(
    string Method,
    string Action,
    bool IsMultipart,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlySet<string> FreeTextFields,
    IReadOnlyList<string> FileFields,
    bool HasAntiforgeryToken);

/// <summary>Reads the forms out of the product's own rendered pages.</summary>
public static partial class FormScanner
{
    public static IReadOnlyList<RenderedForm> Scan(string html, string pageUrl)
    {
        var forms = new List<RenderedForm>();
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups["attributes"].Value;
            var body = form.Groups["body"].Value;
            var method = (Attribute(attributes, "method") ?? "get").ToUpperInvariant();
            var action = WebUtility.HtmlDecode(Attribute(attributes, "action") ?? "");
            if (action.Length == 0)
            {
                action = pageUrl;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            var freeText = new HashSet<string>(StringComparer.Ordinal);
            var files = new List<string>();
            var hasToken = false;
            foreach (Match input in Field().Matches(body))
            {
                var tag = input.Groups["tag"].Value.ToLowerInvariant();
                var inputAttributes = input.Groups["attributes"].Value;
                var name = Attribute(inputAttributes, "name");
                if (name == "__RequestVerificationToken")
                {
                    hasToken = true;
                    continue;
                }

                if (name is null)
                {
                    continue;
                }

                var type = (Attribute(inputAttributes, "type") ?? (tag == "input" ? "text" : tag)).ToLowerInvariant();
                if (type == "file")
                {
                    files.Add(name);
                    continue;
                }

                if (type is "checkbox" or "radio" && !inputAttributes.Contains("checked", StringComparison.Ordinal))
                {
                    fields.TryAdd(name, "");
                    continue;
                }

                fields[name] = tag == "select" ? FirstOption(body, input.Index) : WebUtility.HtmlDecode(Attribute(inputAttributes, "value") ?? "");
                if (type is "text" or "textarea" or "password" or "search" or "email")
                {
                    freeText.Add(name);
                }
            }

            forms.Add(new RenderedForm(
                method, action, (Attribute(attributes, "enctype") ?? "").Contains("multipart", StringComparison.Ordinal),
                fields, freeText, files, hasToken));
        }

        return forms;
    }

    private static string FirstOption(string body, int from)
    {
        var option = Option().Match(body, from);
        return option.Success ? WebUtility.HtmlDecode(option.Groups["value"].Value) : "";
    }

    private static string? Attribute(string attributes, string name)
    {
        var match = Regex.Match(attributes, $@"(?:^|\s){name}\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))", RegexOptions.IgnoreCase);
        return match.Success ? match.Groups["v"].Value : null;
    }

    [GeneratedRegex(@"<form(?<attributes>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();

    [GeneratedRegex(@"<(?<tag>input|select|textarea)(?<attributes>[^>]*)>", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"<option[^>]*\svalue=""(?<value>[^""]*)""", RegexOptions.IgnoreCase)]
    private static partial Regex Option();
}
