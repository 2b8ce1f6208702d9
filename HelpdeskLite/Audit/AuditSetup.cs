using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Audit;

public static class AuditSetup
{
    /// <summary>Registers the key ring, the writer, checkpoints and verification.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<AuditOptions>(configuration.GetSection("Audit"));
        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<AuditOptions>>().Value;
            var dataFolder = provider.GetRequiredService<IOptions<HelpdeskOptions>>().Value.DataFolder;
            return AuditKeyRing.Load(options.Keys, AuditOptions.ResolveKeyFile(options, dataFolder));
        });
        services.AddSingleton<AuditLog>();
        services.AddSingleton<AuditCheckpoints>();
        services.AddSingleton<AuditVerifier>();
        return services;
    }
}
