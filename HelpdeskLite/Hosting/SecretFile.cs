using System.Text;

namespace HelpdeskLite.Hosting;

/// <summary>Reads and writes generated secrets in files only their owner can read (mode 0600).</summary>
public static class SecretFile
{
    public static void Write(string path, string content)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(content));
    }

    /// <summary>Appends to a secret file, keeping its mode; creates it with mode 0600 if absent.</summary>
    public static void Append(string path, string content)
    {
        if (!File.Exists(path))
        {
            Write(path, content);
            return;
        }

        File.AppendAllText(path, content);
    }

    /// <summary>Returns the file's text, creating it from <paramref name="generate"/> first if absent.</summary>
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (!File.Exists(path))
        {
            try
            {
                Write(path, generate());
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        return File.ReadAllText(path);
    }
}
