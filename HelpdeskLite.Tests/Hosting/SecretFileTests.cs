using HelpdeskLite.Hosting;

namespace HelpdeskLite.Tests.Hosting;

// File modes are a Unix concept; the product writes Windows key files with default ACLs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("hdl-secret-").FullName;

    [Fact]
    public void Write_creates_file_readable_by_owner_only()
    {
        var path = Path.Combine(folder, "key");

        SecretFile.Write(path, "secret");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("secret", File.ReadAllText(path));
    }

    [Fact]
    public void Write_never_replaces_existing_file()
    {
        var path = Path.Combine(folder, "key");
        SecretFile.Write(path, "first");

        Assert.Throws<IOException>(() => SecretFile.Write(path, "second"));

        Assert.Equal("first", File.ReadAllText(path));
    }

    [Fact]
    public void Append_to_missing_file_creates_it_with_mode_0600()
    {
        var path = Path.Combine(folder, "keys");

        SecretFile.Append(path, "line1\n");
        SecretFile.Append(path, "line2\n");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal("line1\nline2\n", File.ReadAllText(path));
    }

    [Fact]
    public void ReadOrCreate_generates_once_then_reads()
    {
        var path = Path.Combine(folder, "key");
        var calls = 0;

        var first = SecretFile.ReadOrCreate(path, () => $"generated{++calls}");
        var second = SecretFile.ReadOrCreate(path, () => $"generated{++calls}");

        Assert.Equal("generated1", first);
        Assert.Equal("generated1", second);
        Assert.Equal(1, calls);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
