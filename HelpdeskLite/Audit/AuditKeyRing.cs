using System.Security.Cryptography;
using HelpdeskLite.Hosting;

namespace HelpdeskLite.Audit;

/// <summary>
/// The HMAC keys of the audit chain, kept outside the database. The key file holds one key per
/// line as "id base64"; the last line signs new entries, earlier ones only verify old entries.
/// </summary>
public sealed class AuditKeyRing
{
    private readonly Dictionary<string, byte[]> keys;

    private AuditKeyRing(Dictionary<string, byte[]> keys, string currentKeyId)
    {
        this.keys = keys;
        CurrentKeyId = currentKeyId;
    }

    public string CurrentKeyId { get; }

    public byte[] CurrentKey => keys[CurrentKeyId];

    public IReadOnlyCollection<string> KeyIds => keys.Keys;

    public bool TryGetKey(string keyId, out byte[] key) => keys.TryGetValue(keyId, out key!);

    /// <summary>Loads the keys from <c>Audit:Keys</c> if set, else from the key file, creating it.</summary>
    public static AuditKeyRing Load(string? configuredKeys, string keyFile)
    {
        var text = string.IsNullOrWhiteSpace(configuredKeys)
            ? SecretFile.ReadOrCreate(keyFile, () => NewKeyLine(1))
            : configuredKeys.Replace(';', '\n');
        return Parse(text, string.IsNullOrWhiteSpace(configuredKeys) ? keyFile : "Audit:Keys");
    }

    /// <summary>Adds a new signing key to the key file; earlier keys stay for verification.</summary>
    public static string Rotate(string keyFile)
    {
        var current = File.Exists(keyFile) ? Parse(File.ReadAllText(keyFile), keyFile) : null;
        var next = current is null ? 1 : current.KeyIds.Select(ParseNumber).Max() + 1;
        var line = NewKeyLine(next);
        SecretFile.Append(keyFile, line);
        return line.Split(' ')[0];
    }

    public static AuditKeyRing Parse(string text, string source)
    {
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        string? last = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !TryDecode(parts[1], out var key) || key.Length < 32)
            {
                throw new InvalidOperationException(
                    $"Invalid audit key line in {source}: expected \"id base64\" with a key of at least 32 bytes.");
            }

            keys[parts[0]] = key;
            last = parts[0];
        }

        if (last is null)
        {
            throw new InvalidOperationException($"No audit key found in {source}.");
        }

        return new AuditKeyRing(keys, last);
    }

    private static string NewKeyLine(int number) =>
        $"k{number} {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}\n";

    private static int ParseNumber(string keyId) =>
        keyId.StartsWith('k') && int.TryParse(keyId.AsSpan(1), out var number) ? number : 0;

    private static bool TryDecode(string base64, out byte[] key)
    {
        key = new byte[base64.Length];
        if (Convert.TryFromBase64String(base64, key, out var written))
        {
            key = key[..written];
            return true;
        }

        return false;
    }
}
