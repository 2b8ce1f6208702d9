using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Web;

public sealed class SecurityHeadersTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Pages_carry_security_headers(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        using var client = app.Anonymous();

        foreach (var path in new[] { "/account/sign-in", "/no/such/page", "/css/site.css" })
        {
            using var response = await client.GetAsync(path);
            var csp = string.Join(';', response.Headers.GetValues("Content-Security-Policy"));
            var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src", StringComparison.Ordinal));

            Assert.DoesNotContain("'unsafe-inline'", scripts, StringComparison.Ordinal);
            Assert.DoesNotContain("'unsafe-eval'", scripts, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.NotEmpty(response.Headers.GetValues("Referrer-Policy").Single());
        }
    }
}
