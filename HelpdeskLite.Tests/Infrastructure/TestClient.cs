using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>
/// An HTTP client with its own cookies that does not follow redirects, so tests see 302s,
/// and that sends the antiforgery token the way the browser does.
/// </summary>
public sealed partial class TestClient : IDisposable
{
    private readonly HttpClient http;

    /// <param name="acceptAnyCertificate">Trusts any server certificate, for a test's self-signed one.</param>
    public TestClient(Uri address, bool acceptAnyCertificate = false)
    {
        Cookies = new CookieContainer();
        var handler = new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
        if (acceptAnyCertificate)
        {
            handler.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;
        }

        http = new HttpClient(handler)
        {
            BaseAddress = address,
        };
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
    }

    public CookieContainer Cookies { get; }

    public HttpClient Http => http;

    public Task<HttpResponseMessage> GetAsync(string url) => http.GetAsync(url);

    /// <summary>Gets a page and returns its body, failing unless the answer is 200.</summary>
    public async Task<string> GetHtmlAsync(string url)
    {
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {url} returned {(int)response.StatusCode}, expected 200.");
        }

        return body;
    }

    public async Task<HttpResponseMessage> GetHtmxAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("HX-Request", "true");
        return await http.SendAsync(request);
    }

    /// <summary>Posts a form with a fresh antiforgery token, as the page would.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync();
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(url, content);
    }

    /// <summary>Posts a form as htmx does: the token in a header and HX-Request set.</summary>
    public async Task<HttpResponseMessage> PostHtmxAsync(string url, Dictionary<string, string> fields)
    {
        var token = await AntiforgeryTokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("HX-Request", "true");
        request.Headers.Add("RequestVerificationToken", token);
        return await http.SendAsync(request);
    }

    /// <summary>Posts a multipart form with files, as a form with file inputs would.</summary>
    public async Task<HttpResponseMessage> PostMultipartAsync(
        string url, Dictionary<string, string> fields, params (string Field, string FileName, byte[] Content)[] files)
    {
        var token = await AntiforgeryTokenAsync();
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields.Append(new("__RequestVerificationToken", token)))
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (field, fileName, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");

            try
            {
                content.Add(part, field, fileName);
            }
            catch (FormatException)
            {
                // A hostile name (control or bidi characters) that HttpClient refuses to encode is
                // written without validation, so it reaches the server as a browser would send it.
                part.Headers.TryAddWithoutValidation(
                    "Content-Disposition", $"form-data; name=\"{field}\"; filename=\"{fileName.Replace("\"", "%22")}\"");
                content.Add(part);
            }
        }

        return await http.PostAsync(url, content);
    }

    /// <summary>Posts without any antiforgery token, as a cross-site forgery would.</summary>
    public Task<HttpResponseMessage> PostWithoutTokenAsync(string url, Dictionary<string, string> fields) =>
        http.PostAsync(url, new FormUrlEncodedContent(fields));

    /// <summary>Reads the token the layout puts in its csrf-token meta element.</summary>
    public async Task<string> AntiforgeryTokenAsync()
    {
        using var response = await http.GetAsync("/account/sign-in");
        var html = await response.Content.ReadAsStringAsync();
        var match = CsrfMeta().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException(
                $"No csrf-token meta element on the sign-in page (status {(int)response.StatusCode} {response.Headers.Location}): {html[..Math.Min(html.Length, 2000)]}");
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfMeta();
}
