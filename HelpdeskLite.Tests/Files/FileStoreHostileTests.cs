using System.Text;
using HelpdeskLite.Files;
using HelpdeskLite.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Tests.Files;

public sealed class FileStoreHostileTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];
    private readonly string folder = Directory.CreateTempSubdirectory("hdl-files-").FullName;
    private readonly FileStore store;

    public FileStoreHostileTests()
    {
        store = new FileStore(
            Options.Create(new AttachmentOptions { MaxBytes = 64 * 1024, MaxFilesPerRequest = 3 }),
            Options.Create(new HelpdeskOptions { DataFolder = folder }),
            NullLogger<FileStore>.Instance);
    }

    public static TheoryData<string, byte[]> Rejected => new()
    {
        { "invoice.pdf", Encoding.ASCII.GetBytes("MZ\x90\0\x03\0\0\0 this is an executable") },
        { "photo.png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>") },
        { "notes.txt", Encoding.UTF8.GetBytes("hello <script>alert(1)</script>") },
        { "drawing.svg", Encoding.UTF8.GetBytes("<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>") },
        { "page.html", Encoding.UTF8.GetBytes("<!doctype html><p>hi</p>") },
        { "polyglot.gif", Encoding.ASCII.GetBytes("GIF89a/*<svg onload=alert(1)>*/=1;alert(1)") },
        { "polyglot.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 <html><script>alert(1)</script>") },
        { "image.png", [.. Png, .. Encoding.ASCII.GetBytes("<iframe src=javascript:alert(1)>")] },
        { "empty.txt", [] },
        { "big.txt", Encoding.ASCII.GetBytes(new string('a', 64 * 1024 + 1)) },
        { "archive.exe", Encoding.ASCII.GetBytes("MZ") },
        { "data.csv\0.exe", Encoding.ASCII.GetBytes("MZ") },
    };

    [Theory, MemberData(nameof(Rejected))]
    public async Task Hostile_file_is_rejected_and_not_stored(string name, byte[] content)
    {
        var result = await store.SaveAsync(new MemoryStream(content), name);

        Assert.Null(result.File);
        Assert.False(string.IsNullOrEmpty(result.Error));
        Assert.Empty(Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories));
    }

    [Theory]
    [InlineData("../../../../etc/passwd.txt", "passwd.txt")]
    [InlineData("..\\..\\windows\\win.txt", "win.txt")]
    [InlineData("/absolute/path/report.txt", "report.txt")]
    [InlineData("\u202Etxt.exe.log", "txt.exe.log")]
    [InlineData("a\r\nb.txt", "ab.txt")]
    [InlineData("<script>.txt", "_script_.txt")]
    public async Task Traversal_name_is_stored_under_random_key(string name, string shown)
    {
        var result = await store.SaveAsync(new MemoryStream("plain text"u8.ToArray()), name);

        Assert.True(result.File is not null, result.Error);
        Assert.Equal(shown, result.File.FileName);
        Assert.Matches("^[0-9a-f]{32}$", result.File.StorageKey);
        var stored = Directory.GetFiles(store.Root, "*", SearchOption.AllDirectories).Single();
        Assert.StartsWith(Path.GetFullPath(store.Root), Path.GetFullPath(stored), StringComparison.Ordinal);
        Assert.Equal(result.File.StorageKey, Path.GetFileName(stored));
    }

    [Fact]
    public void Too_many_files_at_once_are_rejected()
    {
        var files = Enumerable.Range(0, 4).Select(i => (Microsoft.AspNetCore.Http.IFormFile)new Microsoft.AspNetCore.Http.FormFile(
            new MemoryStream("x"u8.ToArray()), 0, 1, "files", $"f{i}.txt")).ToList();

        var error = store.CheckBatch(files);

        Assert.Equal("At most 3 files can be attached at once.", error);
    }

    [Theory]
    [InlineData("../x")]
    [InlineData("0123456789abcdef0123456789ABCDEF")]
    [InlineData("..%2f..%2fetc%2fpasswd")]
    public void Open_rejects_keys_that_are_not_random_names(string key)
    {
        Assert.Null(store.Open(key));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
