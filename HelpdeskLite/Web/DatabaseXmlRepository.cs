using System.Xml.Linq;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace HelpdeskLite.Web;

/// <summary>
/// Keeps the data-protection key ring (antiforgery tokens and other protected payloads) in the
/// database, so every node behind a load balancer reads and accepts the same keys.
/// </summary>
public sealed class DatabaseXmlRepository(HelpdeskDbFactory dbs, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbs.Open();
        return db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToList()
            .Select(xml => XElement.Parse(xml))
            .ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbs.Open();
        db.Insert(new DataProtectionKey
        {
            FriendlyName = friendlyName.Length > 200 ? friendlyName[..200] : friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
            CreatedAt = clock.UtcNowMicroseconds(),
        });
    }
}

public static class DataProtectionSetup
{
    public const string ApplicationName = "HelpdeskLite";

    // TODO: keys are stored unencrypted in the database, as the framework's own database
    // repositories do; whoever can read the database can forge antiforgery tokens, but not
    // session tokens, which are signed with Auth:SigningKey.
    public static IServiceCollection AddDatabaseDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddSingleton<DatabaseXmlRepository>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((options, repository) => options.XmlRepository = repository);
        return services;
    }
}
