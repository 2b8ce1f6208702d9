using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskLite.Tests.Auth;

/// <summary>Forged, expired and edited session tokens get the sign-in page or 401, nothing else.</summary>
public sealed class SessionTokenTests
{
    private static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));

    private static Dictionary<string, string?> KnownKey(int sessionMinutes = 60) => new()
    {
        ["Auth:SigningKey"] = SigningKey,
        ["Auth:SessionMinutes"] = sessionMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forged_tokens_get_sign_in_page(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, KnownKey());
        var user = app.CreateUser(Role.User);
        var admin = app.CreateUser(Role.Admin);
        using var signedIn = await app.SignInAsync(user.Username);
        var genuine = SessionCookie(signedIn, app.Address);
        var otherKey = RandomNumberGenerator.GetBytes(64);
        var now = DateTime.UtcNow;

        var forged = new Dictionary<string, string>
        {
            ["alg none"] = Unsigned(Claims(admin, now)),
            ["another key"] = Sign(Claims(admin, now), otherKey),
            ["expired"] = Sign(Claims(user, now.AddHours(-3), lifetime: TimeSpan.FromHours(1)), Convert.FromBase64String(SigningKey)),
            ["role edited, re-signed"] = Sign(EditRole(genuine, "Admin"), otherKey),
            ["role edited, unsigned"] = Unsigned(EditRole(genuine, "Admin")),
            ["role edited, old signature"] = ReplacePayload(genuine, EditRole(genuine, "Admin")),
            ["tampered cookie"] = genuine[..^4] + (genuine.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"),
            ["garbage"] = "not-a-token",
        };

        foreach (var (name, token) in forged)
        {
            using var page = await GetWithCookieAsync(app.Address, "/admin/users", token, "text/html");
            using var api = await GetWithCookieAsync(app.Address, "/admin/users", token, "application/json");

            Assert.True(page.StatusCode == HttpStatusCode.Redirect, $"{name}: page answered {(int)page.StatusCode}");
            Assert.StartsWith("/account/sign-in", page.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
            Assert.True(api.StatusCode == HttpStatusCode.Unauthorized, $"{name}: API answered {(int)api.StatusCode}");
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Genuine_token_opens_page_so_forgery_test_can_fail(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, KnownKey());
        var admin = app.CreateUser(Role.Admin);

        using var response = await GetWithCookieAsync(
            app.Address, "/admin/users", Sign(Claims(admin, DateTime.UtcNow), Convert.FromBase64String(SigningKey)), "text/html");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Role_claim_signed_with_real_key_does_not_grant_role(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, KnownKey());
        var user = app.CreateUser(Role.User);
        using var client = await app.SignInAsync(user.Username);
        var edited = Sign(EditRole(SessionCookie(client, app.Address), "Admin"), Convert.FromBase64String(SigningKey));

        using var response = await GetWithCookieAsync(app.Address, "/admin/users", edited, "text/html");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Sign_out_makes_old_cookie_worthless(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        using var client = await app.SignInAsync(user.Username);
        var old = SessionCookie(client, app.Address);
        using (var before = await GetWithCookieAsync(app.Address, "/", old, "text/html"))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var signOut = await client.PostFormAsync("/account/sign-out", []);
        using var after = await GetWithCookieAsync(app.Address, "/", old, "text/html");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/sign-in", after.Headers.Location?.OriginalString ?? "", StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Token_past_half_life_is_renewed(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind, KnownKey(sessionMinutes: 1));
        var user = app.CreateUser(Role.User);
        var issued = DateTime.UtcNow.AddSeconds(-40);
        var ageing = Sign(Claims(user, issued, TimeSpan.FromMinutes(1)), Convert.FromBase64String(SigningKey));
        var fresh = Sign(Claims(user, DateTime.UtcNow, TimeSpan.FromMinutes(1)), Convert.FromBase64String(SigningKey));

        using var renewed = await GetWithCookieAsync(app.Address, "/", ageing, "text/html");
        using var notRenewed = await GetWithCookieAsync(app.Address, "/", fresh, "text/html");

        Assert.Equal(HttpStatusCode.OK, renewed.StatusCode);
        var cookie = renewed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SessionTokens.CookieName + "=", StringComparison.Ordinal));
        var token = new JsonWebToken(cookie[(SessionTokens.CookieName.Length + 1)..cookie.IndexOf(';', StringComparison.Ordinal)]);
        Assert.InRange(token.ValidTo, DateTime.UtcNow.AddSeconds(50), DateTime.UtcNow.AddSeconds(70));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.False(notRenewed.Headers.TryGetValues("Set-Cookie", out var none)
            && none.Any(c => c.StartsWith(SessionTokens.CookieName + "=", StringComparison.Ordinal)));
    }

    internal static string SessionCookie(TestClient client, Uri address) =>
        client.Cookies.GetCookies(address)[SessionTokens.CookieName]?.Value
        ?? throw new InvalidOperationException("The client has no session cookie.");

    internal static async Task<HttpResponseMessage> GetWithCookieAsync(Uri address, string path, string token, string accept)
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            BaseAddress = address,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"{SessionTokens.CookieName}={token}");
        request.Headers.Add("Accept", accept);
        return await http.SendAsync(request);
    }

    private static JsonObject Claims(User user, DateTime issuedAt, TimeSpan? lifetime = null)
    {
        var iat = new DateTimeOffset(issuedAt).ToUnixTimeSeconds();
        return new JsonObject
        {
            ["iss"] = "HelpdeskLite",
            ["aud"] = "HelpdeskLite",
            ["sub"] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ClaimTypes.Name] = user.Username,
            [ClaimTypes.Role] = user.Role.ToString(),
            ["stamp"] = user.SecurityStamp,
            ["iat"] = iat,
            ["nbf"] = iat,
            ["exp"] = iat + (long)(lifetime ?? TimeSpan.FromHours(1)).TotalSeconds,
        };
    }

    private static JsonObject EditRole(string token, string role)
    {
        var payload = JsonNode.Parse(Base64UrlEncoder.Decode(token.Split('.')[1]))!.AsObject();
        payload[ClaimTypes.Role] = role;
        return payload;
    }

    private static string Sign(JsonObject payload, byte[] key)
    {
        var header = Base64UrlEncoder.Encode("""{"alg":"HS256","typ":"JWT","kid":"session"}""");
        var body = Base64UrlEncoder.Encode(payload.ToJsonString());
        var signature = Base64UrlEncoder.Encode(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes($"{header}.{body}")));
        return $"{header}.{body}.{signature}";
    }

    private static string Unsigned(JsonObject payload) =>
        $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.";

    private static string ReplacePayload(string token, JsonObject payload)
    {
        var parts = token.Split('.');
        return $"{parts[0]}.{Base64UrlEncoder.Encode(payload.ToJsonString())}.{parts[2]}";
    }
}
