using System.Data.Common;
using System.Text.RegularExpressions;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using LinqToDB;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Audit;

/// <summary>
/// Writes the chain head (seq, MAC) to the database and to the log file at intervals, and finds
/// the newest checkpoint again, so verification notices entries deleted from the end.
/// </summary>
public sealed partial class AuditCheckpoints(
    HelpdeskDbFactory dbs,
    AuditKeyRing keys,
    TimeProvider clock,
    IOptions<AuditOptions> options,
    IOptions<HelpdeskOptions> helpdesk,
    ILogger<AuditCheckpoints> logger)
{
    private const string LogMarker = "Audit checkpoint written";

    /// <summary>Writes a checkpoint when the head is CheckpointEvery entries or CheckpointMinutes past the last.</summary>
    public AuditCheckpoint? WriteIfDue()
    {
        using var db = dbs.Open();
        var head = db.AuditHeads.SingleOrDefault(h => h.Id == 1);
        if (head is null)
        {
            // Verification reports the missing head. The application keeps running so that an
            // admin can reach the verification page.
            logger.LogError("The audit chain head row is missing; no checkpoint was written. Run 'HelpdeskLite audit verify'.");
            return null;
        }

        var last = db.AuditCheckpoints.OrderByDescending(c => c.Sequence).FirstOrDefault();
        if (head.LastSequence == 0 || head.LastSequence <= (last?.Sequence ?? 0))
        {
            return null;
        }

        var settings = options.Value;
        var countDue = head.LastSequence - (last?.Sequence ?? 0) >= settings.CheckpointEvery;
        var timeDue = last is null
            || clock.UtcNowMicroseconds() - last.WrittenAt >= TimeSpan.FromMinutes(settings.CheckpointMinutes);
        return countDue || timeDue ? Insert(db, head) : null;
    }

    /// <summary>Writes a checkpoint of the current head unless one exists for it already.</summary>
    public AuditCheckpoint? Write()
    {
        using var db = dbs.Open();
        var head = db.AuditHeads.SingleOrDefault(h => h.Id == 1);
        return head is null || head.LastSequence == 0 || db.AuditCheckpoints.Any(c => c.Sequence == head.LastSequence)
            ? null
            : Insert(db, head);
    }

    /// <summary>
    /// Returns the newest checkpoint whose own MAC verifies, from the database and the log files.
    /// Checkpoints that fail their MAC or name an unknown key are skipped.
    /// </summary>
    public AuditCheckpointFound? FindLatest()
    {
        AuditCheckpointFound? best = null;
        using (var db = dbs.Open())
        {
            // The newest few suffice: a forged checkpoint on top cannot hide the genuine ones below.
            foreach (var checkpoint in db.AuditCheckpoints.OrderByDescending(c => c.Sequence).Take(20))
            {
                if (IsGenuine(checkpoint))
                {
                    best = new AuditCheckpointFound(checkpoint.Sequence, checkpoint.Mac, checkpoint.WrittenAt, "database");
                    break;
                }
            }
        }

        foreach (var found in ReadLogFiles())
        {
            if (best is null || found.Sequence > best.Sequence)
            {
                best = found;
            }
        }

        return best;
    }

    public bool IsGenuine(AuditCheckpoint checkpoint) =>
        keys.TryGetKey(checkpoint.KeyId, out var key)
        && AuditMac.ComputeCheckpoint(key, checkpoint) == checkpoint.CheckpointMac;

    /// <summary>Reads checkpoint lines from the log files, skipping any whose MAC does not verify.</summary>
    public IEnumerable<AuditCheckpointFound> ReadLogFiles()
    {
        var folder = AuditOptions.ResolveLogFolder(options.Value, helpdesk.Value.DataFolder);
        if (!Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.log"))
        {
            // The log writer keeps today's file open for writing, so share it.
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Contains(LogMarker, StringComparison.Ordinal) && ParseLogLine(line) is { } checkpoint
                    && IsGenuine(checkpoint))
                {
                    yield return new AuditCheckpointFound(
                        checkpoint.Sequence, checkpoint.Mac, checkpoint.WrittenAt, Path.GetFileName(file));
                }
            }
        }
    }

    public static AuditCheckpoint? ParseLogLine(string line)
    {
        var match = LogLine().Match(line);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["at"].Value, "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'",
                System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal,
                out var writtenAt))
        {
            return null;
        }

        return new AuditCheckpoint
        {
            Sequence = long.Parse(match.Groups["seq"].Value, System.Globalization.CultureInfo.InvariantCulture),
            Mac = match.Groups["mac"].Value,
            WrittenAt = writtenAt,
            KeyId = match.Groups["key"].Value,
            CheckpointMac = match.Groups["cmac"].Value,
        };
    }

    private AuditCheckpoint? Insert(HelpdeskDb db, AuditHead head)
    {
        var checkpoint = new AuditCheckpoint
        {
            Sequence = head.LastSequence,
            Mac = head.LastMac,
            WrittenAt = clock.UtcNowMicroseconds(),
            KeyId = keys.CurrentKeyId,
        };
        checkpoint.CheckpointMac = AuditMac.ComputeCheckpoint(keys.CurrentKey, checkpoint);
        try
        {
            db.Insert(checkpoint);
        }
        catch (DbException ex) when (db.AuditCheckpoints.Any(c => c.Sequence == checkpoint.Sequence))
        {
            // Another node wrote the checkpoint for the same head first.
            logger.LogDebug(ex, "Audit checkpoint at seq {Sequence} already written by another node", checkpoint.Sequence);
            return null;
        }

        logger.LogInformation(
            LogMarker + ": seq {Sequence} mac {Mac} at {WrittenAt} key {KeyId} checkpoint MAC {CheckpointMac}",
            checkpoint.Sequence, checkpoint.Mac, AuditMac.FormatTime(checkpoint.WrittenAt), checkpoint.KeyId,
            checkpoint.CheckpointMac);
        return checkpoint;
    }

    [GeneratedRegex(
        @"Audit checkpoint written: seq (?<seq>\d{1,19}) mac (?<mac>[0-9a-f]{64}) at (?<at>\S+) key (?<key>\S+) checkpoint MAC (?<cmac>[0-9a-f]{64})")]
    private static partial Regex LogLine();
}

/// <summary>Writes checkpoints in the background of the web application.</summary>
public sealed class AuditCheckpointWriter(
    AuditCheckpoints checkpoints,
    IOptions<AuditOptions> options,
    ILogger<AuditCheckpointWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckpointPollSeconds)));
        do
        {
            try
            {
                checkpoints.WriteIfDue();
            }
            catch (DbException ex)
            {
                logger.LogError(ex, "Writing an audit checkpoint failed; the next attempt follows in {Seconds} s",
                    options.Value.CheckpointPollSeconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
