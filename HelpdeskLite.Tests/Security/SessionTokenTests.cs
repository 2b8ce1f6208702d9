using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Pages.Admin.Users;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskLite.Tests.Security;

/// <summary>Forged, altered and stale session tokens never open a page.</summary>
public sealed class SessionTokenTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forged_tokens_are_rejected(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var admin = app.CreateUser(Role.Admin);
        var (_, client) = await app.ClientForAsync(Role.User);
        var genuine = client.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]!.Value;
        var realKey = Convert.FromBase64String(File.ReadAllText(Path.Combine(app.Database.Folder, "session-signing.key")).Trim());
        var now = DateTime.UtcNow;

        var forgeries = new Dictionary<string, string>
        {
            ["alg none"] = Unsigned(Claims(admin, now)),
            ["another key"] = Sign(Claims(admin, now), RandomNumberGenerator.GetBytes(64)),
            ["expired"] = Sign(Claims(admin, now.AddHours(-3), now.AddHours(-2)), realKey),
            ["wrong issuer"] = Sign(WithIssuer(Claims(admin, now), "Someone"), realKey),
            ["edited claims"] = EditPayload(genuine, "\"sub\":\"", $"\"sub\":\"{admin.Id}"),
            ["truncated signature"] = genuine[..^5],
        };

        foreach (var (name, token) in forgeries)
        {
            using var forged = app.Anonymous();
            forged.Cookies.Add(app.Address, new Cookie(SessionTokens.CookieName, token));
            var response = await forged.GetAsync("/admin/users");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: answered {(int)response.StatusCode}");
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Role_claim_in_token_grants_nothing(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var user = app.CreateUser(Role.User);
        app.Services.GetRequiredService<SessionTokens>();
        var realKey = Convert.FromBase64String(File.ReadAllText(Path.Combine(app.Database.Folder, "session-signing.key")).Trim());
        var descriptor = Claims(user, DateTime.UtcNow);
        descriptor.Claims[ClaimTypes.Role] = "Admin";
        using var client = app.Anonymous();
        client.Cookies.Add(app.Address, new Cookie(SessionTokens.CookieName, Sign(descriptor, realKey)));

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Copied_token_dies_with_session(DatabaseKind kind)
    {
        await using var app = await TestApp.StartAsync(kind);
        var admin = app.CreateUser(Role.Admin);
        var signedOut = await CopyOfSessionAsync(app, Role.User);
        var deactivated = await CopyOfSessionAsync(app, Role.User);
        var demoted = await CopyOfSessionAsync(app, Role.Admin);
        await signedOut.Client.PostFormAsync("/account/sign-out", []);
        using (var scope = app.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
            var actor = new HelpdeskLite.Audit.AuditActor(admin.Id, admin.Username, "127.0.0.1");
            Assert.Null(commands.SetActive(deactivated.User.Id, deactivated.User.RowVersion, false, actor));
            Assert.Null(commands.ChangeRole(demoted.User.Id, demoted.User.RowVersion, Role.User, actor));
        }

        foreach (var (name, token) in new[] { ("signed out", signedOut.Token), ("deactivated", deactivated.Token), ("demoted", demoted.Token) })
        {
            using var replay = app.Anonymous();
            replay.Cookies.Add(app.Address, new Cookie(SessionTokens.CookieName, token));
            var response = await replay.GetAsync("/profile");
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{name}: answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Bearer_header_is_ignored()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        var (_, client) = await app.ClientForAsync(Role.Admin);
        var token = client.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]!.Value;
        using var other = app.Anonymous();
        other.Http.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var response = await other.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private static async Task<(User User, TestClient Client, string Token)> CopyOfSessionAsync(TestApp app, Role role)
    {
        var (user, client) = await app.ClientForAsync(role);
        return (user, client, client.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]!.Value);
    }

    private static SecurityTokenDescriptor Claims(User user, DateTime issued, DateTime? expires = null) => new()
    {
        Issuer = "HelpdeskLite",
        Audience = "HelpdeskLite",
        IssuedAt = issued,
        NotBefore = issued,
        Expires = expires ?? issued.AddMinutes(30),
        Claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ClaimTypes.Name] = user.Username,
            [ClaimTypes.Role] = user.Role.ToString(),
            [SessionTokens.StampClaim] = user.SecurityStamp,
        },
    };

    private static string Sign(SecurityTokenDescriptor descriptor, byte[] key)
    {
        descriptor.SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key) { KeyId = "session" }, SecurityAlgorithms.HmacSha256);
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static SecurityTokenDescriptor WithIssuer(SecurityTokenDescriptor descriptor, string issuer)
    {
        descriptor.Issuer = issuer;
        return descriptor;
    }

    private static string Unsigned(SecurityTokenDescriptor descriptor) => new JsonWebTokenHandler().CreateToken(descriptor);

    private static string EditPayload(string token, string find, string replace)
    {
        var parts = token.Split('.');
        var payload = Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(parts[1]));
        parts[1] = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.Replace(find, replace, StringComparison.Ordinal)));
        return string.Join('.', parts);
    }
}
