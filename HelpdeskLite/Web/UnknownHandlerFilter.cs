using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace HelpdeskLite.Web;

/// <summary>
/// Answers 404 for a handler name that the page does not have, and 405 for a method the page has
/// no handler for. Without it Razor Pages renders the page with nothing loaded, an empty page
/// that looks like a working one.
/// </summary>
public sealed class UnknownHandlerFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        var asked = context.RouteData.Values["handler"]?.ToString() ?? request.Query["handler"].ToString();
        var selected = context.HandlerMethod?.Name ?? "";

        // Razor Pages runs the unnamed handler when a name matches none; that is not what was asked.
        if (asked.Length > 0 && !string.Equals(asked, selected, StringComparison.OrdinalIgnoreCase))
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
