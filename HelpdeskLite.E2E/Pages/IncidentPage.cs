using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>An incident's page at /incidents/{id}: header and workflow, assessment, tasks, evidence, review, timeline.</summary>
public sealed class IncidentPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Status => page.Locator("#incident-header [data-status]");

    public ILocator Message => page.GetByRole(AriaRole.Status);

    /// <summary>The error of a rejected workflow move or form, as the page header shows it.</summary>
    public ILocator Error => page.Locator("#incident-header").GetByRole(AriaRole.Alert);

    public ILocator Timeline => page.Locator("#incident-timeline");

    public ILocator Evidence => page.Locator("#incident-evidence");

    public ILocator Tasks => page.Locator("#incident-tasks");

    public Task GotoAsync(long id) => page.GotoAsync($"/incidents/{id}");

    public ILocator TaskRow(string title) =>
        Tasks.Locator("tbody tr").Filter(new() { Has = page.Locator($"input[name=Title][value=\"{title}\"]") });

    public async Task SaveAssessmentAsync(IncidentAssessment assessment)
    {
        await page.Locator("#category").SelectOptionAsync(new SelectOptionValue { Label = assessment.Category });
        await page.Locator("#Confidentiality").SelectOptionAsync(assessment.Confidentiality);
        await page.Locator("#Integrity").SelectOptionAsync(assessment.Integrity);
        await page.Locator("#Availability").SelectOptionAsync(assessment.Availability);
        await page.Locator("#users").FillAsync(assessment.UsersAffected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#systems").FillAsync(assessment.SystemsAffected.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#severity").SelectOptionAsync(assessment.Severity);
        await page.Locator("#owner").SelectOptionAsync(new SelectOptionValue { Label = assessment.Owner });
        await page.Locator("#source").FillAsync(assessment.DetectionSource);
        await page.Locator("#assets").FillAsync(string.Join('\n', assessment.Assets));
        await page.GetByRole(AriaRole.Button, new() { Name = "Save assessment" }).ClickAsync();
    }

    /// <summary>Takes a workflow move by its button, with the actions and time when the move needs them.</summary>
    public async Task MoveAsync(string label, string? actions = null, DateTime? effectiveAt = null)
    {
        var form = page.Locator("#incident-header form.transition")
            .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }) });
        if (actions is not null)
        {
            await form.Locator("textarea").FillAsync(actions);
        }

        if (effectiveAt is { } at)
        {
            await form.Locator("input[type=datetime-local]").FillAsync(LocalInput(at));
        }

        await form.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).ClickAsync();
    }

    public async Task AddTimelineEntryAsync(DateTime occurredAt, string text)
    {
        await page.Locator("#entry-at").FillAsync(LocalInput(occurredAt));
        await page.Locator("#entry-body").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to timeline" }).ClickAsync();
    }

    public async Task CommentAsync(string text)
    {
        await page.Locator("#comment").FillAsync(text);
        await Timeline.GetByRole(AriaRole.Button, new() { Name = "Add comment" }).ClickAsync();
    }

    public async Task MessageReporterAsync(string text)
    {
        await page.Locator("#message").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send to reporter" }).ClickAsync();
    }

    public async Task UploadEvidenceAsync(string file, string description)
    {
        await page.Locator("#evidence-files").SetInputFilesAsync(file);
        await page.Locator("#evidence-description").FillAsync(description);
        await Evidence.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
    }

    /// <summary>Gives a task from the playbook an owner and a due date, and saves its row.</summary>
    public async Task PlanTaskAsync(string title, string owner, DateOnly due)
    {
        var row = TaskRow(title);
        await row.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = owner });
        await row.GetByLabel("Due date").FillAsync(due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await row.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
    }

    public async Task SaveReviewAsync(string rootCause, string contributingFactors, string lessonsLearned)
    {
        await page.Locator("#root-cause").FillAsync(rootCause);
        await page.Locator("#factors").FillAsync(contributingFactors);
        await page.Locator("#lessons").FillAsync(lessonsLearned);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save review" }).ClickAsync();
    }

    /// <summary>Formats a UTC time for a datetime-local input of a viewer in the UTC zone.</summary>
    public static string LocalInput(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>What the Security Officer enters in the assessment form.</summary>
public sealed record IncidentAssessment(
    string Category,
    string Confidentiality,
    string Integrity,
    string Availability,
    int UsersAffected,
    int SystemsAffected,
    string Severity,
    string Owner,
    string DetectionSource,
    IReadOnlyList<string> Assets);
