using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class HttpsTests
{
    [Fact]
    public async Task Https_sends_hsts_and_secure_cookies()
    {
        var folder = Directory.CreateTempSubdirectory("hdl-cert-").FullName;
        var certificate = WriteSelfSignedCertificate(folder, "pfx-password-1");
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = certificate,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = "pfx-password-1",
        });
        var user = app.CreateUser(Role.User);
        using var client = new TestClient(app.Address, acceptAnyCertificate: true);

        var page = await client.GetAsync("/account/sign-in");
        var signIn = await client.PostFormAsync(
            "/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = TestApp.DefaultPassword });

        Assert.Equal("https", app.Address.Scheme);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("max-age=31536000", page.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains(CookieHeaders(page), c => c.StartsWith("hd_csrf=", StringComparison.Ordinal) && c.Contains("; secure", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = CookieHeaders(signIn).Single(c => c.StartsWith(SessionTokens.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("; secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=strict", session, StringComparison.OrdinalIgnoreCase);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Plain_http_sends_no_hsts()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        using var client = app.Anonymous();

        var page = await client.GetAsync("/account/sign-in");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }

    private static IEnumerable<string> CookieHeaders(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    private static string WriteSelfSignedCertificate(string folder, string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        var path = Path.Combine(folder, "site.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, password));
        return path;
    }
}
