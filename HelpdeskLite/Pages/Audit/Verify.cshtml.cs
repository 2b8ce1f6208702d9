using HelpdeskLite.Audit;
using HelpdeskLite.Auth;
using HelpdeskLite.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace HelpdeskLite.Pages.Audit;

[Authorize(Policy = Policies.Security)]
public sealed class VerifyModel(AuditVerificationRuns runs) : PageModel
{
    public AuditVerificationRun? Run { get; private set; }

    public IActionResult OnGet(Guid? run)
    {
        if (run is { } id)
        {
            Run = runs.Find(id);
            if (Run is null)
            {
                return NotFound();
            }
        }

        return this.PageOrFragment("_VerifyProgress");
    }

    public IActionResult OnGetProgress(Guid run) => OnGet(run);

    public IActionResult OnPostStart()
    {
        Run = runs.Start(HttpContext.AuditActor());
        if (Request.Headers.ContainsKey("HX-Request"))
        {
            Response.Headers["HX-Push-Url"] = $"/audit/verify?run={Run.Id}";
            return Partial("_VerifyProgress", this);
        }

        return Redirect($"/audit/verify?run={Run.Id}");
    }
}
