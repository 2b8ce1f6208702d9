using System.Net;
using System.Text.RegularExpressions;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>Builds matrix URLs, sends matrix requests and classifies their answers.</summary>
public static partial class MatrixRequests
{
    /// <summary>Fills the route's parameters and adds the handler to the query string.</summary>
    public static string Url(string route, string? handler, IReadOnlyDictionary<string, string>? values)
    {
        var path = RouteParameter().Replace(route, match =>
        {
            var name = match.Groups["name"].Value;
            if (values is not null && values.TryGetValue(name, out var value))
            {
                return Uri.EscapeDataString(value);
            }

            return match.Groups["optional"].Success
                ? ""
                : throw new InvalidOperationException($"The matrix row for {route} gives no value for {{{name}}}.");
        }).TrimEnd('/');
        path = path.Length == 0 ? "/" : path;
        return string.IsNullOrEmpty(handler) ? path : $"{path}?handler={Uri.EscapeDataString(handler)}";
    }

    public static async Task<Outcome> SendAsync(
        TestClient client, string method, string url, IReadOnlyDictionary<string, string> form, bool htmx)
    {
        using var response = method switch
        {
            "GET" when htmx => await client.GetHtmxAsync(url),
            "GET" => await client.GetAsync(url),
            "POST" when htmx => await client.PostHtmxAsync(url, new(form)),
            "POST" => await client.PostFormAsync(url, new(form)),
            _ => throw new InvalidOperationException($"The matrix cannot send {method} {url} yet; add the method here."),
        };
        return Classify(response);
    }

    public static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        var hxRedirect = response.Headers.TryGetValues("HX-Redirect", out var values) ? values.First() : "";
        return (int)response.StatusCode switch
        {
            200 => Outcome.Ok,
            302 or 303 when IsSignIn(location) => Outcome.SignIn,
            302 or 303 => Outcome.Redirect,
            401 when IsSignIn(hxRedirect) => Outcome.SignIn,
            400 or 401 or 409 or 413 => Outcome.Rejected,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            _ => Outcome.Unexpected,
        };
    }

    public static string Label(Outcome outcome) => outcome switch
    {
        Outcome.Ok => "200",
        Outcome.Redirect => "302",
        Outcome.SignIn => "signin",
        Outcome.Forbidden => "403",
        Outcome.NotFound => "404",
        Outcome.Rejected => "4xx",
        _ => "ERR",
    };

    private static bool IsSignIn(string location) =>
        location.StartsWith("/account/sign-in", StringComparison.OrdinalIgnoreCase)
        || location.Contains("://127.0.0.1", StringComparison.Ordinal) && location.Contains("/account/sign-in", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\{(?<name>\w+)(:[^}?]*)?(?<optional>\?)?\}")]
    private static partial Regex RouteParameter();
}
