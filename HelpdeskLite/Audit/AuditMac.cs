using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace HelpdeskLite.Audit;

/// <summary>
/// The canonical form of an entry and its MAC. The form starts with the ASCII text "HLA1".
/// Each field follows as its UTF-8 byte count in decimal, a colon and the UTF-8 bytes.
/// The fields, in order: seq, occurred_at (yyyy-MM-ddTHH:mm:ss.ffffffZ), actor_id (empty when
/// none), actor_name, client_ip, action (the number), entity_type, entity_id, details, key_id,
/// prev_mac.
/// MAC = lowercase hex of HMAC-SHA256(key, canonical form).
/// </summary>
public static class AuditMac
{
    public const string GenesisMac = "0000000000000000000000000000000000000000000000000000000000000000";

    private static readonly byte[] Prefix = "HLA1"u8.ToArray();
    private static readonly byte[] CheckpointPrefix = "HLC1"u8.ToArray();

    public static string Compute(byte[] key, AuditEntry entry)
    {
        var canonical = Canonicalize(entry);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, canonical));
    }

    public static byte[] Canonicalize(AuditEntry entry)
    {
        using var writer = new CanonicalWriter();
        return writer.Write(entry).ToArray();
    }

    /// <summary>
    /// Computes a checkpoint's own MAC over "HLC1", then seq, mac and written_at, each
    /// length-prefixed as in the entry form.
    /// </summary>
    public static string ComputeCheckpoint(byte[] key, AuditCheckpoint checkpoint)
    {
        using var writer = new CanonicalWriter();
        var bytes = writer.Write(
            CheckpointPrefix,
            checkpoint.Sequence.ToString(CultureInfo.InvariantCulture),
            checkpoint.Mac,
            FormatTime(checkpoint.WrittenAt));
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, bytes));
    }

    public static string FormatTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Compares a stored lowercase-hex MAC with computed bytes in constant time. Text that is not
    /// 64 hex digits never matches.
    /// </summary>
    public static bool HexEquals(string hex, ReadOnlySpan<byte> mac)
    {
        Span<byte> stored = stackalloc byte[32];
        return hex.Length == 64
            && Convert.FromHexString(hex, stored, out _, out var written) == System.Buffers.OperationStatus.Done
            && written == 32
            && CryptographicOperations.FixedTimeEquals(stored, mac);
    }

    /// <summary>
    /// Writes canonical forms into one growing buffer, so verifying a long chain does not
    /// allocate per entry. One instance per thread.
    /// </summary>
    public sealed class CanonicalWriter : IDisposable
    {
        private byte[] buffer = new byte[1024];
        private int length;

        // Kept for the last key used: a one-shot HMAC sets up a new keyed context on every
        // call, which cost two to three times the hash itself here.
        private IncrementalHash? hmac;
        private byte[]? hmacKey;

        public ReadOnlySpan<byte> Write(AuditEntry entry)
        {
            length = 0;
            Raw(Prefix);
            Field(entry.Sequence);
            Field(FormatTime(entry.OccurredAt));
            if (entry.ActorId is { } actorId)
            {
                Field(actorId);
            }
            else
            {
                Field("");
            }

            Field(entry.ActorName);
            Field(entry.ClientIp);
            Field((int)entry.Action);
            Field(entry.EntityType);
            Field(entry.EntityId);
            Field(entry.Details);
            Field(entry.KeyId);
            Field(entry.PreviousMac);
            return buffer.AsSpan(0, length);
        }

        public ReadOnlySpan<byte> Write(byte[] prefix, params string[] fields)
        {
            length = 0;
            Raw(prefix);
            foreach (var field in fields)
            {
                Field(field);
            }

            return buffer.AsSpan(0, length);
        }

        /// <summary>Computes the entry's MAC into <paramref name="mac"/> (32 bytes).</summary>
        public void ComputeMac(byte[] key, AuditEntry entry, Span<byte> mac)
        {
            if (!ReferenceEquals(key, hmacKey))
            {
                hmac?.Dispose();
                hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
                hmacKey = key;
            }

            hmac!.AppendData(Write(entry));
            hmac.GetHashAndReset(mac);
        }

        public void Dispose() => hmac?.Dispose();

        private void Field(long number)
        {
            Span<byte> digits = stackalloc byte[20];
            number.TryFormat(digits, out var count, default, CultureInfo.InvariantCulture);
            Field(digits[..count]);
        }

        private void Field(string value)
        {
            var count = Encoding.UTF8.GetByteCount(value);
            Length(count);
            Ensure(count);
            length += Encoding.UTF8.GetBytes(value, buffer.AsSpan(length));
        }

        private void Field(ReadOnlySpan<byte> ascii)
        {
            Length(ascii.Length);
            Raw(ascii);
        }

        private void Length(int count)
        {
            Ensure(12);
            count.TryFormat(buffer.AsSpan(length), out var written, default, CultureInfo.InvariantCulture);
            length += written;
            buffer[length++] = (byte)':';
        }

        private void Raw(ReadOnlySpan<byte> bytes)
        {
            Ensure(bytes.Length);
            bytes.CopyTo(buffer.AsSpan(length));
            length += bytes.Length;
        }

        private void Ensure(int extra)
        {
            if (length + extra > buffer.Length)
            {
                Array.Resize(ref buffer, Math.Max(buffer.Length * 2, length + extra));
            }
        }
    }
}
