namespace HelpdeskLite.Audit;

/// <summary>What verification found wrong at the first bad entry. Numbers appear in audit details.</summary>
public enum AuditProblem
{
    None = 0,
    ContentChanged = 1,
    EntryMissing = 2,
    EntryInserted = 3,
    OrderChanged = 4,
    UnknownKey = 5,
    TailTruncated = 6,
}

/// <summary>How far a verification run has got.</summary>
public sealed record AuditProgress(long Checked, long Total);

/// <summary>The outcome of verifying the whole chain.</summary>
public sealed record AuditVerification(
    long EntriesChecked,
    long LastSequence,
    long? FirstBadSequence,
    AuditProblem Problem,
    string Message,
    AuditCheckpointFound? Checkpoint,
    TimeSpan Elapsed)
{
    /// <summary>Why the run could not be written to the audit log, or null when it was recorded.</summary>
    public string? RecordingError { get; init; }

    public bool Intact => Problem == AuditProblem.None;

    public static string Describe(AuditProblem problem) => problem switch
    {
        AuditProblem.None => "intact",
        AuditProblem.ContentChanged => "content changed",
        AuditProblem.EntryMissing => "entry missing",
        AuditProblem.EntryInserted => "entry inserted",
        AuditProblem.OrderChanged => "order changed",
        AuditProblem.UnknownKey => "unknown key",
        AuditProblem.TailTruncated => "tail truncated",
        _ => problem.ToString(),
    };

    /// <summary>Returns one line for people: the first bad sequence number and the reason.</summary>
    public string Summary() => Intact
        ? $"The audit chain is intact: {EntriesChecked} entries up to seq {LastSequence} verified"
          + (Checkpoint is null ? "." : $", consistent with the checkpoint at seq {Checkpoint.Sequence} ({Checkpoint.Source}).")
        : $"The audit chain is broken at seq {FirstBadSequence}: {Describe(Problem)}. {Message}";
}

/// <summary>The newest trustworthy checkpoint and where it was found ("database" or a log file name).</summary>
public sealed record AuditCheckpointFound(long Sequence, string Mac, DateTime WrittenAt, string Source);
