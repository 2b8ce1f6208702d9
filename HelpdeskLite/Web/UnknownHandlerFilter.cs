using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskLite.Web;

/// <summary>
/// Page filter that returns 404 for a handler name the page does not have, and 405 for a method
/// the page has no handler for. Without it, Razor Pages renders an empty page that looks valid.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        // The error page runs again inside the failed request, which keeps that request's handler
        // name and method, so it must always be served.
        if (context.HandlerInstance is HelpdeskLite.Pages.ErrorModel)
        {
            return next();
        }

        var request = context.HttpContext.Request;
        var requested = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        var selected = context.HandlerMethod?.Name ?? "";

        // Razor Pages runs the unnamed handler when no handler has the requested name.
        if (requested.Length > 0 && !string.Equals(requested, selected, StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new NotFoundResult();
            return Task.CompletedTask;
        }

        if (context.HandlerMethod is null && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
            return Task.CompletedTask;
        }

        return next();
    }
}
