using System.Globalization;
using HelpdeskLite.Audit;
using Microsoft.AspNetCore.Http;

namespace HelpdeskLite.Pages.Audit;

/// <summary>
/// The audit viewer's filters. Only these query parameters are read or written back into links;
/// any other parameter is ignored. Dates are whole days in the viewer's time zone, both ends
/// included.
/// </summary>
public sealed record AuditFilter(
    string? Actor = null,
    long? ActorId = null,
    AuditEvent? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateOnly? From = null,
    DateOnly? To = null)
{
    public const int MaxTextLength = 200;

    public bool IsRecordHistory => !string.IsNullOrEmpty(EntityType) && !string.IsNullOrEmpty(EntityId);

    /// <summary>Returns the UTC range [start, end) that the dates cover in <paramref name="zone"/>.</summary>
    public (DateTime? Start, DateTime? End) UtcRange(TimeZoneInfo zone) =>
        (From is { } from ? StartOfDay(from, zone) : null, To is { } to ? StartOfDay(to.AddDays(1), zone) : null);

    /// <summary>Returns the query string for these filters and an optional page, for links.</summary>
    public string ToQuery(int? page = null) => QueryString.Create(new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["actorId"] = ActorId?.ToString(CultureInfo.InvariantCulture),
        ["action"] = Action?.ToString(),
        ["entityType"] = EntityType,
        ["entityId"] = EntityId,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["page"] = page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null,
    }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToUriComponent();

    /// <summary>Describes the filters for the export's audit entry.</summary>
    public Dictionary<string, string> Describe() => new Dictionary<string, string?>
    {
        ["actor"] = Actor,
        ["actorId"] = ActorId?.ToString(CultureInfo.InvariantCulture),
        ["action"] = Action?.ToString(),
        ["entityType"] = EntityType,
        ["entityId"] = EntityId,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value)).ToDictionary(pair => pair.Key, pair => pair.Value!);

    private static DateTime StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);

        // Where a daylight-saving change skips midnight, the day starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }
}
