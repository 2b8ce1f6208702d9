namespace HelpdeskLite.Hosting;

/// <summary>Each feature registers its services and endpoints here, one line each.</summary>
public static class Features
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddSingleton<Files.FileStore>();
        services.AddScoped<Pages.Admin.Users.UserCommands>();
        services.AddScoped<Pages.Admin.Users.UserQueries>();
        services.AddScoped<Pages.Profile.ProfileCommands>();
        services.AddSingleton<Notifications.NotificationService>();
        services.AddScoped<Pages.Notifications.NotificationQueries>();
        services.AddScoped<Pages.Notifications.NotificationCommands>();
        services.AddScoped<Pages.Dashboard.DashboardQueries>();
        services.AddScoped<Pages.Dashboard.SystemHealth>();
        services.AddScoped<Pages.Reports.ReportQueries>();
        services.AddScoped<Pages.Reports.ReportExports>();
        services.AddHostedService<Audit.AuditCheckpointWriter>();
        services.AddSingleton<Audit.AuditVerificationRuns>();
        services.AddScoped<Pages.Audit.AuditQueries>();
        services.AddScoped<Pages.Audit.AuditExport>();
        services.AddSingleton<Pages.Tickets.TicketCommands>();
        services.AddSingleton<Pages.Tickets.TicketQueries>();
        services.AddSingleton<Pages.Admin.Sla.SlaSettingsCommands>();
        services.AddSingleton<Tickets.SlaMonitor>();
        services.AddHostedService(provider => provider.GetRequiredService<Tickets.SlaMonitor>());
        Pages.Incidents.IncidentServices.AddIncidents(services);
        services.AddScoped<Auth.TwoFactorService>();
        return services;
    }

    public static IEndpointRouteBuilder MapFeatures(this IEndpointRouteBuilder endpoints)
    {
        return endpoints;
    }
}
