using Microsoft.Playwright;

namespace HelpdeskLite.E2E.Pages;

/// <summary>The SLA settings at /admin/sla: one form per priority policy and per calendar.</summary>
public sealed class SlaSettingsPage(IPage page)
{
    public ILocator Message => page.GetByRole(AriaRole.Status);

    public Task GotoAsync() => page.GotoAsync("/admin/sla");

    public async Task SavePolicyAsync(string priority, int firstResponse, string firstUnit, int resolution, string resolutionUnit)
    {
        await page.Locator($"#fr-{priority}").FillAsync(firstResponse.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var form = page.Locator("form").Filter(new() { Has = page.Locator($"#fr-{priority}") });
        await form.GetByLabel("First response unit").SelectOptionAsync(new SelectOptionValue { Label = firstUnit });
        await page.Locator($"#res-{priority}").FillAsync(resolution.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.GetByLabel("Resolution unit").SelectOptionAsync(new SelectOptionValue { Label = resolutionUnit });
        await form.GetByRole(AriaRole.Button, new() { Name = $"Save {priority}" }).ClickAsync();
    }

    /// <summary>Sets the working hours and holidays of the first calendar on the page.</summary>
    public async Task SaveCalendarAsync(string weeklyHours, string holidays)
    {
        var form = page.Locator("form").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Save calendar" }) }).First;
        await form.Locator("input[name=weeklyHours]").FillAsync(weeklyHours);
        await form.Locator("textarea[name=holidays]").FillAsync(holidays);
        await form.GetByRole(AriaRole.Button, new() { Name = "Save calendar" }).ClickAsync();
    }
}
