using System.Security.Claims;
using HelpdeskLite.Data;
using Htmx;
using LinqToDB;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.JsonWebTokens;

namespace HelpdeskLite.Auth;

public static class Policies
{
    public const string Agents = "Agents";
    public const string Staff = "Staff";
    public const string Security = "Security";
    public const string Admin = "Admin";
}

public static class AuthenticationSetup
{
    public const string SignInPath = "/account/sign-in";

    public static IServiceCollection AddHelpdeskAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<SessionTokens>();
        services.AddSingleton<PasswordPolicy>();
        services.AddSingleton<Microsoft.AspNetCore.Identity.PasswordHasher<User>>();
        services.AddScoped<AccountService>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<SessionTokens>((options, tokens) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = tokens.ValidationParameters;
                options.Events = new JwtBearerEvents
                {
                    OnMessageReceived = ReadCookie,
                    OnTokenValidated = CheckSecurityStamp,
                    OnChallenge = Challenge,
                };
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Agents, p => p.RequireRole(RoleNames.ItSupport, RoleNames.Admin))
            .AddPolicy(Policies.Staff, p => p.RequireRole(
                RoleNames.ItSupport, RoleNames.SecurityOfficer, RoleNames.Admin))
            .AddPolicy(Policies.Security, p => p.RequireRole(RoleNames.SecurityOfficer, RoleNames.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(RoleNames.Admin));
        return services;
    }

    private static Task ReadCookie(MessageReceivedContext context)
    {
        // Only the cookie carries a session: an Authorization header is ignored, so a token
        // cannot be replayed from a script that read it elsewhere. Without a cookie the handler
        // must stop here, because a null token makes it read the Authorization header instead.
        var token = context.Request.Cookies[SessionTokens.CookieName];
        if (string.IsNullOrEmpty(token))
        {
            context.NoResult();
        }
        else
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Loads the user behind a valid token and ends the session at once when the account was
    /// deactivated, or its role or password changed since the token was issued.
    /// </summary>
    private static Task CheckSecurityStamp(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var subject = principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        var stamp = principal.FindFirst(SessionTokens.StampClaim)?.Value;
        if (!long.TryParse(subject, out var userId) || stamp is null)
        {
            context.Fail("The session token has no subject or stamp.");
            return Task.CompletedTask;
        }

        var dbs = context.HttpContext.RequestServices.GetRequiredService<HelpdeskDbFactory>();
        using var db = dbs.Open();
        var user = db.Users.FirstOrDefault(u => u.Id == userId);
        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            context.Fail("The session ended because the account changed.");
            context.HttpContext.RequestServices.GetRequiredService<SessionTokens>().Clear(context.HttpContext);
            return Task.CompletedTask;
        }

        // Claims come from the database row, never from the token alone.
        var identity = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, subject!),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
            ],
            JwtBearerDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        context.Principal = new ClaimsPrincipal(identity);
        context.HttpContext.SetCurrentUser(new CurrentUser(
            user.Id, user.Username, user.DisplayName, user.Role, user.TimeZone, user.MustChangePassword));

        RenewIfPastHalfLife(context, user);
        return Task.CompletedTask;
    }

    private static void RenewIfPastHalfLife(TokenValidatedContext context, User user)
    {
        var tokens = context.HttpContext.RequestServices.GetRequiredService<SessionTokens>();
        var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
        if (context.SecurityToken is JsonWebToken jwt
            && clock.GetUtcNow().UtcDateTime - jwt.IssuedAt > tokens.Lifetime / 2)
        {
            tokens.Write(context.HttpContext, tokens.Issue(user));
        }
    }

    private static Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var request = context.HttpContext.Request;
        var response = context.Response;
        var returnUrl = request.PathBase + request.Path + request.QueryString;
        var signIn = $"{SignInPath}?returnUrl={Uri.EscapeDataString(returnUrl)}";
        if (request.IsHtmx())
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            response.Headers["HX-Redirect"] = signIn;
        }
        else if (Accepts(request, "text/html"))
        {
            response.Redirect(signIn);
        }
        else
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }

        return Task.CompletedTask;
    }

    private static bool Accepts(HttpRequest request, string mediaType) =>
        request.Headers.Accept.Any(value => value?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true)
        || request.Headers.Accept.Count == 0;
}
