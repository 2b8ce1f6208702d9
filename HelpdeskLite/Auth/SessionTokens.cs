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
    private const string PendingAudience = "HelpdeskLite/two-factor";

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

    /// <summary>
    /// Issues the short-lived "password checked, code pending" token. Its audience differs
    /// from a session's, so it never passes as a session.
    /// </summary>
    public string IssuePending(User user, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = PendingAudience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [StampClaim] = user.SecurityStamp,
            },
        });
    }

    /// <summary>Returns the user id and stamp of a valid pending token, or null.</summary>
    public async Task<(long UserId, string Stamp)?> ReadPendingAsync(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        var parameters = ValidationParameters;
        parameters.ValidAudience = PendingAudience;
        parameters.ClockSkew = TimeSpan.Zero;
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid
            || !result.Claims.TryGetValue(JwtRegisteredClaimNames.Sub, out var subject)
            || !long.TryParse(subject as string, out var id)
            || !result.Claims.TryGetValue(StampClaim, out var stampValue)
            || stampValue is not string stamp)
        {
            return null;
        }

        return (id, stamp);
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
