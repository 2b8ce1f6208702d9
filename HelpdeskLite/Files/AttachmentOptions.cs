namespace HelpdeskLite.Files;

/// <summary>Settings of the <c>Attachments</c> section.</summary>
public sealed class AttachmentOptions
{
    /// <summary>Largest accepted file, in bytes (default 25 MB).</summary>
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;

    /// <summary>At most this many files in one request.</summary>
    public int MaxFilesPerRequest { get; set; } = 10;

    /// <summary>Accepted kinds, by extension; each is checked against the file's content.</summary>
    public string[] AllowedExtensions { get; set; } =
    [
        "pdf", "png", "jpg", "jpeg", "gif", "webp", "txt", "log", "csv", "json", "xml", "eml",
        "docx", "xlsx", "pptx", "odt", "ods", "zip", "doc", "xls", "msg",
    ];

    /// <summary>Folder for stored files; empty means "attachments" in the data folder.</summary>
    public string Folder { get; set; } = "";
}
