using System.Reflection;
using HelpdeskLite.Tests.Security.Matrix;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Tests.Security;

/// <summary>A concrete URL for an endpoint as one actor sees it, with its rule.</summary>
public sealed record EndpointTarget(EndpointEntry Endpoint, AccessRule Rule, MatrixActor Actor, string Url);

/// <summary>Turns the endpoint table and the matrix rows into requests the hostile tests send.</summary>
public static class EndpointSurface
{
    /// <summary>Returns each endpoint of a method once per actor and ownership, with its URL.</summary>
    public static async Task<IReadOnlyList<EndpointTarget>> TargetsAsync(MatrixWorld world, string method, params MatrixActor[] actors)
    {
        var rules = EndpointCatalog.Rules();
        var targets = new List<EndpointTarget>();
        foreach (var endpoint in await EndpointCatalog.ListAsync(world.App.Services))
        {
            if (endpoint.Method != method || !rules.TryGetValue(endpoint.Key, out var rule))
            {
                continue;
            }

            foreach (var actor in actors)
            {
                var ownerships = rule.RouteValues is null ? new[] { Ownership.Own } : [Ownership.Own, Ownership.Other];
                targets.AddRange(ownerships.Select(o => new EndpointTarget(endpoint, rule, actor,
                    MatrixRequests.Url(endpoint.Route, endpoint.Handler, rule.RouteValues?.Invoke(world, actor, o)))).DistinctBy(t => t.Url));
            }
        }

        return targets;
    }

    /// <summary>
    /// Returns the query parameters a GET handler binds: properties with
    /// [BindProperty(SupportsGet = true)] and the handler method's own parameters.
    /// </summary>
    public static IReadOnlyList<string> QueryParameters(EndpointEntry endpoint)
    {
        if (endpoint.PageModel is null)
        {
            return [];
        }

        var properties = endpoint.PageModel.GetProperties()
            .Select(p => (Property: p, Bind: p.GetCustomAttribute<BindPropertyAttribute>()))
            .Where(p => p.Bind is { SupportsGet: true })
            .Select(p => p.Bind!.Name ?? p.Property.Name);
        var handlerName = $"On{endpoint.Method[0]}{endpoint.Method[1..].ToLowerInvariant()}{endpoint.Handler}";
        var parameters = endpoint.PageModel.GetMethods()
            .Where(m => m.Name == handlerName || m.Name == handlerName + "Async")
            .SelectMany(m => m.GetParameters())
            .Select(p => p.Name!)
            .Where(name => !endpoint.Route.Contains($"{{{name}", StringComparison.OrdinalIgnoreCase));
        return properties.Concat(parameters).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
    }
}
