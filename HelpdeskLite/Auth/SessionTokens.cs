using System.Security.Claims;
using System.Security.Cryptography;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace HelpdeskLite.Auth;

/// <summary>Issues the signed session token (a JWT) and keeps it in an HttpOnly cookie.</summary>
public sealed class SessionTokens
{
    public const string CookieName = "hd_session";
    public const string StampClaim = "stamp";
    private const string Issuer = "HelpdeskLite";

    private readonly JsonWebTokenHandler handler = new();
    private readonly SymmetricSecurityKey key;
    private readonly TimeProvider clock;

    public SessionTokens(IOptions<AuthOptions> options, IOptions<HelpdeskOptions> helpdesk, TimeProvider clock)
    {
        this.clock = clock;
        Lifetime = TimeSpan.FromMinutes(Math.Max(1, options.Value.SessionMinutes));
        key = new SymmetricSecurityKey(LoadKey(options.Value.SigningKey, helpdesk.Value.DataFolder))
        {
            KeyId = "session",
        };
    }

    public TimeSpan Lifetime { get; }

    public TokenValidationParameters ValidationParameters => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Issuer,
        IssuerSigningKey = key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = ClaimTypes.Name,
        RoleClaimType = ClaimTypes.Role,
    };

    public string Issue(User user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Issuer,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ClaimTypes.Name] = user.Username,
                [ClaimTypes.Role] = user.Role.ToString(),
                [StampClaim] = user.SecurityStamp,
                [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N"),
            },
        };
        return handler.CreateToken(descriptor);
    }

    public void Write(HttpContext context, string token) =>
        context.Response.Cookies.Append(CookieName, token, CookieOptions(context));

    public void Clear(HttpContext context) =>
        context.Response.Cookies.Delete(CookieName, CookieOptions(context));

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private static byte[] LoadKey(string configured, string dataFolder)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var bytes = Convert.FromBase64String(configured.Trim());
            if (bytes.Length < 32)
            {
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes, base64-encoded.");
            }

            return bytes;
        }

        var path = Path.Combine(dataFolder, "session-signing.key");
        var text = SecretFile.ReadOrCreate(path, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)));
        return Convert.FromBase64String(text.Trim());
    }
}
