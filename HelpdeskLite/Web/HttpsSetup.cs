namespace HelpdeskLite.Web;

/// <summary>
/// HTTPS comes from Kestrel's own configuration keys, for example
/// <c>Kestrel:Endpoints:Https:Url=https://0.0.0.0:5443</c>,
/// <c>Kestrel:Endpoints:Https:Certificate:Path=/etc/helpdesk/site.pfx</c> and
/// <c>Kestrel:Endpoints:Https:Certificate:Password</c>. When any HTTPS address is configured,
/// plain HTTP requests are redirected and HTTPS answers carry HSTS.
/// </summary>
public static class HttpsSetup
{
    public static bool IsConfigured(IConfiguration configuration)
    {
        var urls = configuration["urls"] ?? "";
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? "");
        return urls.Split(';').Concat(endpoints)
            .Any(url => url.TrimStart().StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when Kestrel endpoints are configured, which replace the default address.</summary>
    public static bool HasKestrelEndpoints(IConfiguration configuration) =>
        configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    public static IServiceCollection AddHelpdeskHsts(this IServiceCollection services) =>
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
            options.Preload = false;

            // The middleware skips localhost by default; the header is only ever sent over
            // HTTPS, so an intranet host reached by address gets it too.
            options.ExcludedHosts.Clear();
        });

    /// <summary>Sends HSTS on HTTPS answers and redirects HTTP to HTTPS, only when HTTPS is configured.</summary>
    public static IApplicationBuilder UseHelpdeskHttps(this IApplicationBuilder app, IConfiguration configuration)
    {
        if (IsConfigured(configuration))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        return app;
    }
}
