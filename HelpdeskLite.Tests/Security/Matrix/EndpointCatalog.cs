using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Security.Matrix;

/// <summary>One request shape the application accepts: a method, a route and a page handler.</summary>
public sealed record EndpointEntry(string Method, string Route, string? Handler, Type? PageModel)
{
    public string Key => EndpointKey.Format(Method, Route, Handler);
}

/// <summary>
/// Lists every endpoint of a running application from its own endpoint table, with one entry
/// per HTTP method and Razor Pages handler (OnGetList becomes GET with handler=List).
/// </summary>
public static class EndpointCatalog
{
    public static async Task<IReadOnlyList<EndpointEntry>> ListAsync(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        var loader = services.GetRequiredService<PageLoader>();
        var entries = new List<EndpointEntry>();
        foreach (var endpoint in source.Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is null)
            {
                var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                entries.AddRange(methods.Select(method => new EndpointEntry(method, route, null, null)));
                continue;
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            entries.AddRange(compiled.HandlerMethods.Select(handler =>
                new EndpointEntry(handler.HttpMethod.ToUpperInvariant(), route, handler.Name, compiled.ModelTypeInfo?.AsType())));
        }

        return entries.DistinctBy(e => e.Key).OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Returns every matrix area in the test assembly.</summary>
    public static IReadOnlyList<IMatrixArea> Areas() =>
        typeof(IMatrixArea).Assembly.GetTypes()
            .Where(t => typeof(IMatrixArea).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (IMatrixArea)Activator.CreateInstance(t)!)
            .ToList();

    /// <summary>Returns the rules of every area, failing on two rows for one endpoint.</summary>
    public static IReadOnlyDictionary<string, AccessRule> Rules()
    {
        var rules = new Dictionary<string, AccessRule>(StringComparer.Ordinal);
        foreach (var rule in Areas().SelectMany(a => a.Rules))
        {
            if (!rules.TryAdd(rule.Key, rule))
            {
                throw new InvalidOperationException($"Two access matrix rows for {rule.Key}; keep one.");
            }
        }

        return rules;
    }
}
