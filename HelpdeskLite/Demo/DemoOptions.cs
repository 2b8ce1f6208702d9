namespace HelpdeskLite.Demo;

/// <summary>Settings of the <c>Demo</c> section, which <c>--demo</c> sets.</summary>
public sealed class DemoOptions
{
    /// <summary>Whether every page shows the demo banner.</summary>
    public bool Enabled { get; set; }

    /// <summary>Folder of the demo database, attachments, logs and keys.</summary>
    public string Folder { get; set; } = DemoStart.DefaultFolder;

    /// <summary>How many rows of the embedded ticket texts to file, at most all of them.</summary>
    public int Tickets { get; set; } = 150;
}
