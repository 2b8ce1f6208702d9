using HelpdeskLite.Auth;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace HelpdeskLite.Web;

public static class WebSetup
{
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static IServiceCollection AddHelpdeskWeb(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.Conventions.AllowAnonymousToPage("/Error");
        }).AddMvcOptions(options =>
        {
            options.ModelMetadataDetailsProviders.Add(new EmptyStringBinding());
            options.Filters.Add<UnknownHandlerFilter>();
        });
        services.Configure<RouteOptions>(options => options.LowercaseUrls = true);
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Name = "hd_csrf";
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>
    /// Errors render the 403, 404 and 500 pages, which show no stack trace or SQL. A request
    /// over a size or field-count limit is the client's error, so it gets 400 or 413, not 500.
    /// </summary>
    public static IApplicationBuilder UseHelpdeskErrorPages(this IApplicationBuilder app)
    {
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/error",
            StatusCodeSelector = exception => exception switch
            {
                BadHttpRequestException bad => bad.StatusCode,
                InvalidDataException => StatusCodes.Status400BadRequest,
                Microsoft.AspNetCore.Mvc.ModelBinding.ValueProviderException => StatusCodes.Status400BadRequest,
                _ => StatusCodes.Status500InternalServerError,
            },
        });
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        return app;
    }

    /// <summary>Serves wwwroot from the assembly, so a single-file executable needs no folder.</summary>
    public static IApplicationBuilder UseEmbeddedStaticFiles(this WebApplication app)
    {
        var files = new ManifestEmbeddedFileProvider(typeof(WebSetup).Assembly, "wwwroot");
        app.Environment.WebRootFileProvider = files;
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = new FileExtensionContentTypeProvider(),
            OnPrepareResponse = context =>
                context.Context.Response.Headers.CacheControl = "public, max-age=86400",
        });
        return app;
    }

    /// <summary>A user whose role requires two-factor sign-in sets it up before anything else.</summary>
    public static IApplicationBuilder UseTwoFactorEnrolmentGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.FindCurrentUser();
            var path = context.Request.Path;
            if (user is not null
                && !path.StartsWithSegments("/account")
                && !path.StartsWithSegments("/error")
                && !path.StartsWithSegments("/profile/two-factor")
                && context.RequestServices.GetRequiredService<TwoFactorService>().MustEnrol(user))
            {
                context.Response.Redirect("/profile/two-factor");
                return;
            }

            await next();
        });

    /// <summary>A user whose password was reset must choose a new one before anything else.</summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.FindCurrentUser();
            var path = context.Request.Path;
            if (user is { MustChangePassword: true }
                && !path.StartsWithSegments("/account")
                && !path.StartsWithSegments("/error"))
            {
                context.Response.Redirect("/account/change-password");
                return;
            }

            await next();
        });
}
