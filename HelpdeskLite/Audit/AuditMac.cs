using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskLite.Audit;

/// <summary>
/// The canonical form of an entry and its MAC. The form is: the ASCII text "HLA1", then each
/// field as its UTF-8 byte count in decimal, a colon and the UTF-8 bytes, in this order:
/// seq, occurred_at (yyyy-MM-ddTHH:mm:ss.ffffffZ), actor_id (empty when none), actor_name,
/// client_ip, action (the number), entity_type, entity_id, details, key_id, prev_mac.
/// MAC = lowercase hex of HMAC-SHA256(key, canonical form).
/// </summary>
public static class AuditMac
{
    public const string GenesisMac = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly byte[] Prefix = "HLA1"u8.ToArray();

    public static string Compute(byte[] key, AuditEntry entry)
    {
        var canonical = Canonicalize(entry);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, canonical));
    }

    public static byte[] Canonicalize(AuditEntry entry)
    {
        using var buffer = new MemoryStream(256 + entry.Details.Length);
        buffer.Write(Prefix);
        Field(buffer, entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(buffer, FormatTime(entry.OccurredAt));
        Field(buffer, entry.ActorId?.ToString(CultureInfo.InvariantCulture) ?? "");
        Field(buffer, entry.ActorName);
        Field(buffer, entry.ClientIp);
        Field(buffer, ((int)entry.Action).ToString(CultureInfo.InvariantCulture));
        Field(buffer, entry.EntityType);
        Field(buffer, entry.EntityId);
        Field(buffer, entry.Details);
        Field(buffer, entry.KeyId);
        Field(buffer, entry.PreviousMac);
        return buffer.ToArray();
    }

    public static string FormatTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    private static void Field(MemoryStream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        buffer.Write(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture)));
        buffer.WriteByte((byte)':');
        buffer.Write(bytes);
    }
}
