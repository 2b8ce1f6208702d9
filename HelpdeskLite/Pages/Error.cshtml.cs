using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages;

/// <summary>The 403, 404 and 500 pages: a plain explanation and a reference, never internals.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public string? RequestId { get; private set; }

    public void OnGet(int? code) => Describe(code);

    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        // Without a code in the path this runs for an exception, whose status is already set.
        Code = code is >= 400 and < 600 ? code.Value : Response.StatusCode is >= 400 and < 600 ? Response.StatusCode : 500;
        Response.StatusCode = Code;
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        (Title, Explanation) = Code switch
        {
            403 => ("Not allowed", "Your role does not allow this page or action."),
            404 => ("Not found", "There is nothing here, or it is not visible to you."),
            400 => ("Bad request", "The request could not be understood. Reload the page and try again."),
            413 => ("Too large", "The upload is larger than allowed."),
            429 => ("Too many requests", "Too many attempts in a short time. Wait a minute and try again."),
            _ when Code >= 500 => ("Something went wrong", "The server could not complete the request. It has been logged; try again, and tell an administrator if it persists."),
            _ => ("Request failed", "The request could not be completed."),
        };
    }
}
