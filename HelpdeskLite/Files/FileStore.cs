using System.Security.Cryptography;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Files;

/// <summary>A file kept by the store: its random storage key, hash, size and cleaned-up name.</summary>
public sealed record StoredFile(string StorageKey, string Sha256, long Size, string FileName, string ContentType);

/// <summary>The outcome of an upload: the stored file, or why it was rejected.</summary>
public sealed record UploadResult(StoredFile? File, string? Error)
{
    public static UploadResult Rejected(string error) => new(null, error);
}

/// <summary>
/// Stores uploaded files under random names in the data folder (never the uploaded name),
/// checks size and content on the way in, and records each file's SHA-256.
/// </summary>
public sealed class FileStore
{
    private const int SniffBytes = 8192;
    private readonly AttachmentOptions options;
    private readonly ILogger<FileStore> logger;

    public FileStore(IOptions<AttachmentOptions> options, IOptions<HelpdeskOptions> helpdesk, ILogger<FileStore> logger)
    {
        this.options = options.Value;
        this.logger = logger;
        Root = string.IsNullOrWhiteSpace(this.options.Folder)
            ? Path.Combine(helpdesk.Value.DataFolder, "attachments")
            : Path.GetFullPath(this.options.Folder);
        Directory.CreateDirectory(Path.Combine(Root, "incoming"));
    }

    public string Root { get; }

    public AttachmentOptions Options => options;

    /// <summary>Checks the whole batch first, so a rejected file means nothing of it is stored.</summary>
    public string? CheckBatch(IReadOnlyCollection<IFormFile> files)
    {
        if (files.Count > options.MaxFilesPerRequest)
        {
            return $"At most {options.MaxFilesPerRequest} files can be attached at once.";
        }

        foreach (var file in files)
        {
            var error = CheckHeader(file.FileName, file.Length);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    public async Task<UploadResult> SaveAsync(IFormFile upload, CancellationToken cancellation = default)
    {
        await using var stream = upload.OpenReadStream();
        return await SaveAsync(stream, upload.FileName, cancellation);
    }

    public async Task<UploadResult> SaveAsync(Stream content, string uploadedName, CancellationToken cancellation = default)
    {
        var name = SafeFileName.From(uploadedName);
        // The length is not known before reading, so only the name and type are checked here;
        // the size limit and the empty-file check apply while and after streaming.
        var error = CheckHeader(uploadedName, 1);
        if (error is not null)
        {
            return UploadResult.Rejected(error);
        }

        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var incoming = Path.Combine(Root, "incoming", key);
        var head = new byte[SniffBytes];
        var headLength = 0;
        long size = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        try
        {
            await using (var output = new FileStream(incoming, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellation)) > 0)
                {
                    size += read;
                    if (size > options.MaxBytes)
                    {
                        return UploadResult.Rejected(TooLarge(name));
                    }

                    var copy = Math.Min(read, SniffBytes - headLength);
                    Array.Copy(buffer, 0, head, headLength, copy);
                    headLength += copy;
                    hash.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), cancellation);
                }
            }

            if (size == 0)
            {
                return UploadResult.Rejected($"\"{name}\" is empty (0 bytes). Attach a file with content.");
            }

            var contentError = ContentSniffer.Check(SafeFileName.Extension(name), head.AsSpan(0, headLength));
            if (contentError is not null)
            {
                logger.LogWarning("An upload was rejected: {Reason}", contentError);
                return UploadResult.Rejected($"\"{name}\": {contentError}");
            }

            var final = PathFor(key);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            File.Move(incoming, final);
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            return new UploadResult(new StoredFile(key, sha, size, name, ContentTypeFor(name)), null);
        }
        finally
        {
            if (File.Exists(incoming))
            {
                File.Delete(incoming);
            }
        }
    }

    /// <summary>Opens a stored file for reading, or returns null if it is missing on disk.</summary>
    public Stream? Open(string storageKey)
    {
        if (storageKey.Length != 32 || !storageKey.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }

        var path = PathFor(storageKey);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    /// <summary>Computes the SHA-256 of a stored file now, to compare with the one recorded at upload.</summary>
    public async Task<string?> HashAsync(string storageKey, CancellationToken cancellation = default)
    {
        await using var stream = Open(storageKey);
        return stream is null ? null : Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellation));
    }

    /// <summary>Removes a file that was stored for a change that then failed.</summary>
    public void Discard(StoredFile file)
    {
        var path = PathFor(file.StorageKey);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string? CheckHeader(string? uploadedName, long length)
    {
        var name = SafeFileName.From(uploadedName);
        if (length == 0)
        {
            return $"\"{name}\" is empty (0 bytes). Attach a file with content.";
        }

        if (length > options.MaxBytes)
        {
            return TooLarge(name);
        }

        var extension = SafeFileName.Extension(name);
        return options.AllowedExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase) && ContentSniffer.IsAllowedFamily(extension)
            ? null
            : $"\"{name}\" is not an accepted file type. Accepted: {string.Join(", ", options.AllowedExtensions)}.";
    }

    private string TooLarge(string name) =>
        $"\"{name}\" is larger than the limit of {options.MaxBytes / (1024 * 1024.0):0.#} MB.";

    private string PathFor(string key) => Path.Combine(Root, key[..2], key[2..4], key);

    private static string ContentTypeFor(string name) => SafeFileName.Extension(name) switch
    {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" or "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "txt" or "log" or "csv" or "json" or "xml" or "eml" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}
