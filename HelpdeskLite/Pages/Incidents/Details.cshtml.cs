using HelpdeskLite.Auth;
using HelpdeskLite.Incidents;
using HelpdeskLite.Web;
using Htmx;
using Microsoft.AspNetCore.Mvc;

namespace HelpdeskLite.Pages.Incidents;

/// <summary>The incident page: full for responders, a read-only summary for IT Support, 404 for everyone else.</summary>
public sealed class DetailsModel(
    IncidentQueries queries,
    AssessmentCommands assessment,
    WorkflowCommands workflow,
    TimelineCommands timeline,
    TaskCommands tasks,
    EvidenceCommands evidence,
    HelpdeskLite.Data.HelpdeskDbFactory dbs) : IncidentPageModel
{
    public const string Converted = "The ticket was converted to this incident.";
    private const string StatusChanged = "The status was changed.";
    private const string AssessmentSaved = "The assessment was saved.";
    private const string ReviewSaved = "The review was saved.";
    private const string EvidenceAdded = "The evidence was added.";
    private const string EvidenceSuperseded = "The evidence was marked superseded.";
    private const string Saved = "Saved.";

    /// <summary>
    /// Messages the "done" query parameter may show. Other text is ignored, so a crafted link
    /// cannot put its own words on the incident page.
    /// </summary>
    private static readonly HashSet<string> DoneMessages =
        [Converted, StatusChanged, AssessmentSaved, ReviewSaved, EvidenceAdded, EvidenceSuperseded, Saved];

    public IncidentDetails Details { get; private set; } = null!;

    public bool SummaryOnly { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Name of the partial whose form caused <see cref="Error"/>; only that section shows it.</summary>
    public string ErrorSection { get; private set; } = HeaderSection;

    private const string HeaderSection = "_Header";

    public string? Message { get; private set; }

    public IActionResult OnGet(long id, string? done) => Show(id, null, done);

    public IActionResult OnPostTransition(long id, int rowVersion, TransitionInput input) =>
        After(id, workflow.Transition(id, rowVersion, input, Viewer, HttpContext.AuditActor()), StatusChanged);

    // A field that failed to bind would otherwise be saved as its default value.
    public IActionResult OnPostAssessment(long id, int rowVersion, AssessmentInput input) => !ModelState.IsValid
        ? BadRequest()
        : After(id, assessment.Update(id, rowVersion, input, Viewer, HttpContext.AuditActor()), AssessmentSaved);

    public IActionResult OnPostReview(long id, int rowVersion, string? rootCause, string? contributingFactors, string? lessonsLearned) =>
        After(id, workflow.UpdateReview(id, rowVersion, rootCause, contributingFactors, lessonsLearned, Viewer,
            HttpContext.AuditActor()), ReviewSaved);

    public IActionResult OnPostComment(long id, string? body) =>
        Fragment(id, timeline.AddComment(id, body, Viewer, HttpContext.AuditActor()), "_Timeline");

    public IActionResult OnPostMessage(long id, string? body) =>
        Fragment(id, timeline.MessageReporter(id, body, Viewer, HttpContext.AuditActor()), "_Timeline");

    public IActionResult OnPostEntry(long id, string? occurredAt, string? body) =>
        Fragment(id, timeline.AddEntry(id, occurredAt, body, Viewer, HttpContext.AuditActor()), "_Timeline");

    public IActionResult OnPostEditEntry(long id, long entryId, int rowVersion, string? occurredAt, string? body) =>
        Fragment(id, timeline.EditEntry(id, entryId, rowVersion, occurredAt, body, Viewer, HttpContext.AuditActor()), "_Timeline");

    public IActionResult OnPostTask(long id, TaskInput input) =>
        Fragment(id, tasks.AddTask(id, input, Viewer, HttpContext.AuditActor()), "_Tasks");

    public IActionResult OnPostUpdateTask(long id, long taskId, int rowVersion, TaskInput input) =>
        Fragment(id, tasks.UpdateTask(id, taskId, rowVersion, input, Viewer, HttpContext.AuditActor()), "_Tasks");

    public IActionResult OnPostObservable(long id, ObservableKind kind, string? value, string? note) =>
        Fragment(id, tasks.AddObservable(id, kind, value, note, Viewer, HttpContext.AuditActor()), "_Observables");

    public async Task<IActionResult> OnPostEvidenceAsync(long id, List<IFormFile> files, string? description) =>
        After(id, await evidence.UploadAsync(id, files, description, Viewer, HttpContext.AuditActor()), EvidenceAdded);

    public IActionResult OnPostSupersede(long id, long evidenceId, string? reason) =>
        After(id, evidence.Supersede(id, evidenceId, reason, Viewer, HttpContext.AuditActor()), EvidenceSuperseded);

    /// <summary>Returns the error for one section of the page, or null when another section caused it.</summary>
    public string? ErrorFor(string section) => section == ErrorSection ? Error : null;

    private IActionResult After(long id, IncidentResult result, string success, string section = HeaderSection)
    {
        if (result.Succeeded)
        {
            return RedirectToPage(new { id, done = success });
        }

        ErrorSection = section;
        return result.Outcome == IncidentOutcome.NotFound ? NotFound() : Show(id, result, null);
    }

    private IActionResult Fragment(long id, IncidentResult result, string partial)
    {
        if (result.Outcome == IncidentOutcome.NotFound)
        {
            return NotFound();
        }

        if (!Request.IsHtmx())
        {
            return After(id, result, Saved, partial);
        }

        // The layout's htmx configuration swaps 409 and 422 responses into the target, so the
        // error text still replaces the fragment while the status code reports the rejection.
        Load(id);
        Error = result.Message;
        ErrorSection = partial;
        if (!result.Succeeded)
        {
            Response.StatusCode = result.Outcome == IncidentOutcome.Stale
                ? StatusCodes.Status409Conflict
                : StatusCodes.Status422UnprocessableEntity;
        }

        return Partial(partial, this);
    }

    private IActionResult Show(long id, IncidentResult? failure, string? success)
    {
        if (!Load(id))
        {
            return NotFound();
        }

        Error = failure?.Message;
        Message = failure is null && success is not null && DoneMessages.Contains(success) ? success : null;
        if (failure is not null)
        {
            Response.StatusCode = failure.StatusCode;
        }

        return this.PageOrFragment("_Header");
    }

    private bool Load(long id)
    {
        var incident = queries.Find(id);
        if (incident is null)
        {
            return false;
        }

        if (!IncidentAccess.CanInvestigate(Viewer))
        {
            using var db = dbs.Open();
            if (!IncidentAccess.CanSeeSummary(db, Viewer, incident))
            {
                return false;
            }

            SummaryOnly = true;
        }

        Details = queries.Details(id)!;
        return true;
    }
}
