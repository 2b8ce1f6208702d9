using System.Threading.RateLimiting;
using HelpdeskLite.Auth;

namespace HelpdeskLite.Web;

/// <summary>Settings of the <c>RateLimit</c> section.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Maximum password, code and set-up posts per client address per window (default 20).</summary>
    public int SignInPermitLimit { get; set; } = 20;

    /// <summary>Length of the window in seconds (default 60).</summary>
    public int SignInWindowSeconds { get; set; } = 60;
}

/// <summary>
/// Limits form posts that check a secret (password, one-time code, set-up link) per client
/// address. It sits in front of the per-account lockout: the lockout stops guessing one
/// account's password, this stops one address from trying many accounts.
/// </summary>
public static class RateLimiting
{
    /// <summary>Paths whose POSTs count against the limit.</summary>
    public static readonly string[] LimitedPaths =
    [
        "/account/sign-in",
        "/account/two-factor",
        "/account/change-password",

        // Turning two-factor sign-in off checks the password, and a wrong one there does not
        // count toward the lockout, so only this limit slows guessing through that form.
        "/profile/two-factor",
        "/setup",
    ];

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("RateLimit").Get<RateLimitOptions>() ?? new RateLimitOptions();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger(typeof(RateLimiting));
                logger.LogWarning("Sign-in attempts from {ClientIp} exceeded the rate limit", context.HttpContext.ClientIp());
                context.HttpContext.Response.Headers.RetryAfter = settings.SignInWindowSeconds.ToString(
                    System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.ClientIp(), _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = Math.Max(1, settings.SignInPermitLimit),
                        Window = TimeSpan.FromSeconds(Math.Max(1, settings.SignInWindowSeconds)),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter(""));
        });
        return services;
    }

    private static bool IsLimited(HttpRequest request)
    {
        // Routing serves "/account/sign-in/" as the same page as "/account/sign-in". The path is
        // compared without trailing slashes, so that spelling cannot skip the limit.
        var path = (request.Path.Value ?? "").TrimEnd('/');
        return HttpMethods.IsPost(request.Method)
            && LimitedPaths.Any(limited => path.Equals(limited, StringComparison.OrdinalIgnoreCase));
    }
}
