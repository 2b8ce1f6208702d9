using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Web;

public static class PageResults
{
    /// <summary>
    /// Returns the fragment for an htmx request and the whole page otherwise, and tells caches
    /// that the answer depends on the HX-Request header.
    /// </summary>
    public static IActionResult PageOrFragment(this PageModel page, string partialName, object? model = null)
    {
        page.Response.Headers.Append("Vary", "HX-Request");
        return page.Request.IsHtmx() && !page.Request.IsHtmxBoosted()
            ? page.Partial(partialName, model ?? page)
            : page.Page();
    }
}
