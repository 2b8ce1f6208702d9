using System.Diagnostics;
using System.Security.Cryptography;
using HelpdeskLite.Audit;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Tests.Audit;

/// <summary>
/// Verifies a chain of one million entries on MariaDB and prints the machine's raw
/// HMAC-SHA256 rate beside it. Explicit, so it runs only when asked for:
/// dotnet test HelpdeskLite.Tests -c Release --filter "FullyQualifiedName~AuditVerifierBenchmark" -- xUnit.Explicit=only
/// </summary>
public sealed class AuditVerifierBenchmark
{
    private const int Entries = 1_000_000;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact(Explicit = true)]
    public async Task Million_entries_verify_within_five_seconds()
    {
        using var chain = await AuditChain.CreateAsync(DatabaseKind.MySql, 0);
        var keys = chain.Keys();
        var fill = Stopwatch.StartNew();
        Fill(chain, keys);
        fill.Stop();
        var (hmacPerSecond, entryMacPerSecond) = MeasureHmac(keys.CurrentKey);

        var readSeconds = MeasureReadOnly(chain);
        var result = chain.Verify();

        Report($"Filled {Entries:N0} entries in {fill.Elapsed.TotalSeconds:0.0} s.");
        Report($"Raw HMAC-SHA256 over a {SampleCanonical().Length}-byte entry: {hmacPerSecond:N0} per second on one core.");
        Report($"Canonical form + HMAC + compare: {entryMacPerSecond:N0} per second on one core.");
        Report($"Reading alone (keyset batches of 20,000, no MAC check): {readSeconds:0.000} s.");
        Report($"Verified {result.EntriesChecked:N0} entries in {result.Elapsed.TotalSeconds:0.000} s "
            + $"({result.EntriesChecked / result.Elapsed.TotalSeconds:N0} per second), "
            + $"{Environment.ProcessorCount} cores.");
        Assert.True(result.Intact, result.Summary());
        Assert.Equal(Entries, result.EntriesChecked);
        Assert.True(result.Elapsed <= Limit, $"Verification took {result.Elapsed.TotalSeconds:0.000} s, over {Limit.TotalSeconds} s.");
    }

    private static void Fill(AuditChain chain, AuditKeyRing keys)
    {
        using var db = chain.Database.Factory.Open();
        var previous = AuditMac.GenesisMac;
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        const int chunk = 20_000;
        for (var from = 1; from <= Entries; from += chunk)
        {
            var rows = new List<AuditEntry>(chunk);
            for (var seq = from; seq < from + chunk && seq <= Entries; seq++)
            {
                var entry = Sample(seq, start.AddTicks(seq * 10L * 1000), previous, keys.CurrentKeyId);
                entry.Mac = AuditMac.Compute(keys.CurrentKey, entry);
                previous = entry.Mac;
                rows.Add(entry);
            }

            db.BulkCopy(new BulkCopyOptions { BulkCopyType = BulkCopyType.MultipleRows, MaxBatchSize = 2_000 }, rows);
        }

        db.AuditHeads.Where(h => h.Id == 1).Set(h => h.LastSequence, Entries).Set(h => h.LastMac, previous).Update();
    }

    private static double MeasureReadOnly(AuditChain chain)
    {
        using var db = chain.Database.Factory.Open();
        var stopwatch = Stopwatch.StartNew();
        long last = 0;
        while (true)
        {
            var after = last;
            var batch = db.AuditEntries.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(20_000).ToList();
            if (batch.Count == 0)
            {
                return stopwatch.Elapsed.TotalSeconds;
            }

            last = batch[^1].Sequence;
        }
    }

    private static (double Hmac, double EntryMac) MeasureHmac(byte[] key)
    {
        var canonical = SampleCanonical();
        var output = new byte[32];
        var hmacs = 0;
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
        {
            for (var i = 0; i < 1000; i++)
            {
                HMACSHA256.HashData(key, canonical, output);
            }

            hmacs += 1000;
        }

        var hmacRate = hmacs / stopwatch.Elapsed.TotalSeconds;
        var entry = Sample(1, DateTime.UtcNow, AuditMac.GenesisMac, "k1");
        entry.Mac = AuditMac.Compute(key, entry);
        using var writer = new AuditMac.CanonicalWriter();
        var mac = new byte[32];
        var entryMacs = 0;
        stopwatch.Restart();
        while (stopwatch.Elapsed < TimeSpan.FromSeconds(1))
        {
            for (var i = 0; i < 1000; i++)
            {
                writer.ComputeMac(key, entry, mac);
                Assert.True(AuditMac.HexEquals(entry.Mac, mac));
            }

            entryMacs += 1000;
        }

        return (hmacRate, entryMacs / stopwatch.Elapsed.TotalSeconds);
    }

    private static byte[] SampleCanonical() =>
        AuditMac.Canonicalize(Sample(123_456, DateTime.UtcNow, AuditMac.GenesisMac, "k1"));

    private static AuditEntry Sample(long seq, DateTime at, string previous, string keyId) => new()
    {
        Sequence = seq,
        OccurredAt = at,
        ActorId = 1000 + (seq % 50),
        ActorName = $"agent{seq % 50}",
        ClientIp = "10.0.0.17",
        Action = AuditEvent.Ticket_Created,
        EntityType = "ticket",
        EntityId = (seq / 3).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Details = "{\"status\":{\"from\":\"New\",\"to\":\"Assigned\"},\"assignee\":{\"from\":null,\"to\":17}}",
        PreviousMac = previous,
        KeyId = keyId,
    };

    private static void Report(string line) => TestContext.Current.SendDiagnosticMessage(line);
}
