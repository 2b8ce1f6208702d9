using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using HelpdeskLite.Data;
using LinqToDB;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Audit;

/// <summary>
/// Verifies the chain in sequence order and stops at the first bad entry. The chain is read in
/// keyset batches (seq &gt; last, ordered, limited), and the next batch is fetched while the
/// current one is checked. Memory therefore stays bounded by two batches, however long the chain.
/// </summary>
public sealed class AuditVerifier(
    HelpdeskDbFactory dbs,
    AuditKeyRing keys,
    AuditCheckpoints checkpoints,
    AuditLog audit,
    IOptions<AuditOptions> options,
    ILogger<AuditVerifier> logger)
{
    // Range of other sequence numbers tried on an entry whose MAC fails, to tell a moved entry
    // from a changed one.
    private const int MoveWindow = 64;

    public AuditVerification Verify(IProgress<AuditProgress>? progress = null, CancellationToken cancellation = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var checkpoint = checkpoints.FindLatest();
        using var db = dbs.Open();
        var state = new ChainState(db, checkpoint);
        var batchSize = Math.Max(100, options.Value.VerifyBatchSize);
        var total = db.AuditHeads.Select(h => h.LastSequence).FirstOrDefault();

        var pending = Task.Run(() => ReadBatch(db, 0, batchSize), CancellationToken.None);
        try
        {
            while (true)
            {
                var batch = pending.GetAwaiter().GetResult();
                if (batch.Count == 0)
                {
                    var end = Finish(state, out var more);
                    if (!more)
                    {
                        return Result(state, end, checkpoint, stopwatch);
                    }

                    batch = ReadBatch(db, state.LastSequence, batchSize);
                }

                var last = batch[^1].Sequence;
                pending = batch.Count < batchSize
                    ? Task.FromResult(new List<AuditEntry>())
                    : Task.Run(() => ReadBatch(db, last, batchSize), CancellationToken.None);

                var macsValid = CheckMacs(batch);
                for (var i = 0; i < batch.Count; i++)
                {
                    var entry = batch[i];
                    if (Check(state, entry, macsValid[i]) is { } failure)
                    {
                        // The connection is free again only once the read ahead has finished.
                        pending.GetAwaiter().GetResult();
                        var classified = failure.Problem == AuditProblem.None
                            ? Classify(state, entry, keys.TryGetKey(entry.KeyId, out var key) ? key : [])
                            : failure;
                        return Result(state, classified, checkpoint, stopwatch);
                    }
                }

                progress?.Report(new AuditProgress(state.Checked, Math.Max(total, state.LastSequence)));
                cancellation.ThrowIfCancellationRequested();
            }
        }
        catch (UnreadableEntryException)
        {
            // A row written by hand contains a value of the wrong type. Reading on one entry at a time
            // checks the chain up to that row and names it by its seq.
            pending.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
            return Result(state, VerifyOneByOne(state, batchSize), checkpoint, stopwatch);
        }
        finally
        {
            // Waits without rethrowing, so a failed read ahead cannot replace an exception already thrown.
            pending.ContinueWith(static _ => { }, TaskScheduler.Default).Wait(CancellationToken.None);
        }
    }

    private Failure VerifyOneByOne(ChainState state, int limit)
    {
        var db = state.Db;
        var sequences = db.AuditEntries.Where(e => e.Sequence > state.LastSequence).OrderBy(e => e.Sequence)
            .Select(e => e.Sequence).Take(limit).ToList();
        foreach (var seq in sequences)
        {
            AuditEntry entry;
            try
            {
                entry = db.AuditEntries.Single(e => e.Sequence == seq);
            }
            catch (LinqToDB.Common.LinqToDBConvertException ex)
            {
                return new Failure(seq, AuditProblem.ContentChanged,
                    $"The entry cannot be read: a column holds a value of the wrong type ({ex.Message}).");
            }

            if (Check(state, entry, CheckMacs([entry])[0]) is { } failure)
            {
                return failure.Problem == AuditProblem.None
                    ? Classify(state, entry, keys.TryGetKey(entry.KeyId, out var key) ? key : [])
                    : failure;
            }
        }

        return new Failure(state.LastSequence + 1, AuditProblem.ContentChanged,
            "An entry after this point cannot be read: a column holds a value of the wrong type.");
    }

    /// <summary>Verifies the chain and records the outcome as an Audit_Verified entry.</summary>
    public AuditVerification VerifyAndRecord(
        AuditActor actor, string via, IProgress<AuditProgress>? progress = null, CancellationToken cancellation = default)
    {
        var result = Verify(progress, cancellation);
        try
        {
            Record(actor, via, result);
            return result;
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // A chain whose head was tampered with may reject the entry. The verdict is returned all the same.
            logger.LogError(ex, "The audit verification via {Via} could not be recorded", via);
            return result with { RecordingError = $"The result could not be recorded in the audit log: {ex.Message}" };
        }
    }

    private void Record(AuditActor actor, string via, AuditVerification result)
    {
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        audit.Append(db, actor, AuditEvent.Audit_Verified, "audit", "", new
        {
            via,
            intact = result.Intact,
            entries = result.EntriesChecked,
            lastSeq = result.LastSequence,
            firstBadSeq = result.FirstBadSequence,
            problem = AuditVerification.Describe(result.Problem),
            checkpointSeq = result.Checkpoint?.Sequence,
            checkpointSource = result.Checkpoint?.Source,
            seconds = Math.Round(result.Elapsed.TotalSeconds, 3),
        });
        transaction.Commit();
    }

    private static List<AuditEntry> ReadBatch(HelpdeskDb db, long after, int size)
    {
        try
        {
            return db.AuditEntries.Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(size).ToList();
        }
        catch (LinqToDB.Common.LinqToDBConvertException ex)
        {
            throw new UnreadableEntryException(after, ex);
        }
    }

    /// <summary>
    /// Checks the MACs of a batch on all cores. Each MAC covers only its own entry's stored
    /// fields, so entries can be checked in any order. The links between them are checked after.
    /// </summary>
    private bool[] CheckMacs(List<AuditEntry> batch)
    {
        var valid = new bool[batch.Count];
        var chunk = Math.Max(256, batch.Count / (Environment.ProcessorCount * 4));
        Parallel.ForEach(Partitioner.Create(0, batch.Count, chunk), range =>
        {
            using var writer = new AuditMac.CanonicalWriter();
            Span<byte> mac = stackalloc byte[32];
            for (var i = range.Item1; i < range.Item2; i++)
            {
                var entry = batch[i];
                if (keys.TryGetKey(entry.KeyId, out var key))
                {
                    writer.ComputeMac(key, entry, mac);
                    valid[i] = AuditMac.HexEquals(entry.Mac, mac);
                }
            }
        });
        return valid;
    }

    private Failure? Check(ChainState state, AuditEntry entry, bool macValid)
    {
        var expected = state.LastSequence + 1;
        if (entry.Sequence != expected)
        {
            return new Failure(expected, AuditProblem.EntryMissing,
                $"Entries {expected} to {entry.Sequence - 1} are missing; the chain continues at seq {entry.Sequence}.");
        }

        if (!keys.TryGetKey(entry.KeyId, out _))
        {
            return new Failure(entry.Sequence, AuditProblem.UnknownKey,
                $"The entry was signed with key '{entry.KeyId}', which is not in the key ring.");
        }

        if (!macValid)
        {
            // Classified by the caller once the connection is free.
            return new Failure(entry.Sequence, AuditProblem.None, "");
        }

        if (entry.PreviousMac != state.LastMac)
        {
            return new Failure(entry.Sequence, AuditProblem.OrderChanged,
                $"The entry is genuine but was chained after a different entry than seq {state.LastSequence}.");
        }

        if (state.Checkpoint is { } checkpoint && checkpoint.Sequence == entry.Sequence && checkpoint.Mac != entry.Mac)
        {
            return new Failure(entry.Sequence, AuditProblem.ContentChanged,
                $"The checkpoint from {checkpoint.Source} records a different MAC for this entry.");
        }

        state.Advance(entry);
        return null;
    }

    /// <summary>Classifies why an entry's MAC fails from its neighbours, the head row and the checkpoint.</summary>
    private Failure Classify(ChainState state, AuditEntry entry, byte[] key)
    {
        var seq = entry.Sequence;
        var next = state.Db.AuditEntries.Where(e => e.Sequence > seq).OrderBy(e => e.Sequence).FirstOrDefault();
        var head = state.Db.AuditHeads.SingleOrDefault(h => h.Id == 1) ?? new AuditHead { LastSequence = long.MaxValue, LastMac = "" };

        var writtenAs = FindOriginalSequence(entry, key);
        if (writtenAs is { } original)
        {
            var shifted = next is not null && next.Sequence == seq + 1
                && FindOriginalSequence(next, key) == original + 1 && next.PreviousMac == entry.Mac;
            return shifted && original > seq
                ? new Failure(seq, AuditProblem.EntryMissing,
                    $"The entry was written as seq {original}: entries were deleted and the later ones renumbered.")
                : shifted
                    ? new Failure(seq, AuditProblem.EntryInserted,
                        $"The entry was written as seq {original}: entries were inserted before it and the later ones renumbered.")
                    : new Failure(seq, AuditProblem.OrderChanged,
                        $"The entry was written as seq {original} and has been moved to seq {seq}.");
        }

        var laterEntryLinks = next is not null && next.PreviousMac == entry.Mac;
        var checkpointLinks = state.Checkpoint is { } checkpoint && checkpoint.Sequence == seq && checkpoint.Mac == entry.Mac;
        if (laterEntryLinks || checkpointLinks)
        {
            return new Failure(seq, AuditProblem.ContentChanged,
                "The entry's content no longer matches its MAC, which the rest of the chain still links to.");
        }

        if (next is null && head.LastSequence == seq && head.LastMac == entry.Mac)
        {
            // Only the head row, which anyone with write access can set, vouches for this MAC.
            return new Failure(seq, AuditProblem.ContentChanged,
                "The last entry does not match its MAC: its content was changed, or it was forged and the "
                + "chain head rewritten to point to it.");
        }

        return seq > head.LastSequence
            ? new Failure(seq, AuditProblem.EntryInserted,
                $"The entry lies beyond the chain head (seq {head.LastSequence}) and its MAC was not made with any audit key.")
            : new Failure(seq, AuditProblem.EntryInserted,
                "The entry's MAC was not made with any audit key and no later entry links to it: it was forged or replaced.");
    }

    private static long? FindOriginalSequence(AuditEntry entry, byte[] key)
    {
        using var writer = new AuditMac.CanonicalWriter();
        Span<byte> mac = stackalloc byte[32];
        var seq = entry.Sequence;
        try
        {
            for (var candidate = Math.Max(1, seq - MoveWindow); candidate <= seq + MoveWindow; candidate++)
            {
                if (candidate == seq)
                {
                    continue;
                }

                entry.Sequence = candidate;
                writer.ComputeMac(key, entry, mac);
                if (AuditMac.HexEquals(entry.Mac, mac))
                {
                    return candidate;
                }
            }

            return null;
        }
        finally
        {
            entry.Sequence = seq;
        }
    }

    /// <summary>
    /// Compares the end of the stream with the head row and the newest checkpoint. Reads the head
    /// and the highest seq in one statement, so an append committing meanwhile is seen whole.
    /// </summary>
    private static Failure? Finish(ChainState state, out bool more)
    {
        var end = state.Db.AuditHeads.Where(h => h.Id == 1)
            .Select(h => new { h.LastSequence, h.LastMac, Max = state.Db.AuditEntries.Max(e => (long?)e.Sequence) })
            .SingleOrDefault();
        if (end is null)
        {
            more = false;
            return new Failure(state.LastSequence, AuditProblem.ContentChanged,
                "The chain head row (audit_head, id 1) is missing, so the end of the chain cannot be confirmed.");
        }

        more = (end.Max ?? 0) > state.LastSequence;
        if (more)
        {
            return null;
        }

        if (state.Checkpoint is { } checkpoint && checkpoint.Sequence > state.LastSequence)
        {
            return new Failure(state.LastSequence + 1, AuditProblem.TailTruncated,
                $"The chain ends at seq {state.LastSequence}, but the checkpoint from {checkpoint.Source} "
                + $"written at {AuditMac.FormatTime(checkpoint.WrittenAt)} records seq {checkpoint.Sequence}.");
        }

        if (end.LastSequence > state.LastSequence)
        {
            return new Failure(state.LastSequence + 1, AuditProblem.TailTruncated,
                $"The chain ends at seq {state.LastSequence}, but the chain head records seq {end.LastSequence}.");
        }

        if (end.LastSequence < state.LastSequence)
        {
            return new Failure(end.LastSequence + 1, AuditProblem.EntryInserted,
                $"The chain head records seq {end.LastSequence}, but entries continue to seq {state.LastSequence}: "
                + "they were added without the application, or the head was moved back.");
        }

        if (end.LastSequence == state.LastSequence && end.LastMac != state.LastMac && state.LastSequence > 0)
        {
            return new Failure(state.LastSequence, AuditProblem.ContentChanged,
                "The chain head records a different MAC for the last entry.");
        }

        return null;
    }

    private static AuditVerification Result(
        ChainState state, Failure? failure, AuditCheckpointFound? checkpoint, Stopwatch stopwatch) =>
        new(state.Checked, state.LastSequence, failure?.Sequence, failure?.Problem ?? AuditProblem.None,
            failure?.Message ?? "", checkpoint, stopwatch.Elapsed);

    private sealed record Failure(long Sequence, AuditProblem Problem, string Message);

    /// <summary>A row of a batch contains a value that cannot be read as its column's type.</summary>
    private sealed class UnreadableEntryException(long after, Exception inner)
        : Exception($"An audit entry after seq {after} cannot be read.", inner);

    private sealed class ChainState(HelpdeskDb db, AuditCheckpointFound? checkpoint)
    {
        public HelpdeskDb Db { get; } = db;

        public AuditCheckpointFound? Checkpoint { get; } = checkpoint;

        public long LastSequence { get; private set; }

        public string LastMac { get; private set; } = AuditMac.GenesisMac;

        public long Checked { get; private set; }

        public void Advance(AuditEntry entry)
        {
            LastSequence = entry.Sequence;
            LastMac = entry.Mac;
            Checked++;
        }
    }
}
