namespace HelpdeskLite.Pages.Incidents;

public static class IncidentServices
{
    public static IServiceCollection AddIncidents(this IServiceCollection services) => services
        .AddSingleton<IncidentJournal>()
        .AddScoped<IncidentQueries>()
        .AddScoped<ReportCommands>()
        .AddScoped<AssessmentCommands>()
        .AddScoped<WorkflowCommands>()
        .AddScoped<EvidenceCommands>()
        .AddScoped<TimelineCommands>()
        .AddScoped<TaskCommands>()
        .AddScoped<PlaybookCommands>()
        .AddScoped<ConversionCommands>()
        .AddSingleton<HelpdeskLite.Incidents.TaskOverdueMonitor>()
        .AddHostedService(provider => provider.GetRequiredService<HelpdeskLite.Incidents.TaskOverdueMonitor>());
}
