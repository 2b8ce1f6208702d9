namespace HelpdeskLite.Audit;

/// <summary>Settings of the <c>Audit</c> section.</summary>
public sealed class AuditOptions
{
    /// <summary>Keys as "id base64" pairs separated by ';'; when set, the key file is not read.</summary>
    public string Keys { get; set; } = "";

    /// <summary>Path of the key file; empty means <c>audit.keys</c> in the data folder.</summary>
    public string KeyFile { get; set; } = "";

    /// <summary>A checkpoint is written once the head is this many entries past the last one.</summary>
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>A checkpoint is written this many minutes after the last one if entries were added.</summary>
    public int CheckpointMinutes { get; set; } = 5;

    /// <summary>Seconds between the checkpoint writer's looks at the chain head.</summary>
    public int CheckpointPollSeconds { get; set; } = 30;

    /// <summary>
    /// Folder whose <c>*.log</c> files verification scans for checkpoints; empty means the
    /// data folder's <c>logs</c> folder.
    /// </summary>
    public string CheckpointLogFolder { get; set; } = "";

    /// <summary>Entries read per query while verifying.</summary>
    public int VerifyBatchSize { get; set; } = 20_000;

    public static string ResolveKeyFile(AuditOptions options, string dataFolder) =>
        options.KeyFile is { Length: > 0 } file ? file : Path.Combine(dataFolder, "audit.keys");

    public static string ResolveLogFolder(AuditOptions options, string dataFolder) =>
        options.CheckpointLogFolder is { Length: > 0 } folder ? folder : Path.Combine(dataFolder, "logs");
}
