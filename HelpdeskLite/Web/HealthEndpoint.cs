using HelpdeskLite.Data;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Web;

/// <summary>GET /health: 200 "Healthy" when the database answers, 503 "Unhealthy" otherwise.</summary>
public static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", (HelpdeskDbFactory dbs, ILoggerFactory loggers) =>
        {
            try
            {
                using var db = dbs.Open();
                db.Execute<int>("SELECT 1");
                return Results.Text("Healthy");
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
            {
                loggers.CreateLogger("Health").LogWarning(ex, "The health check could not reach the database");
                return Results.Text("Unhealthy", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }).AllowAnonymous();
        return endpoints;
    }
}
