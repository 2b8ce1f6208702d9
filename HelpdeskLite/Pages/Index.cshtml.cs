using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages;

public sealed class IndexModel : PageModel
{
    public void OnGet()
    {
    }
}
