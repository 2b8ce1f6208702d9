namespace HelpdeskLite.Hosting;

public static class DataFolder
{
    /// <summary>Creates the data folder if needed and proves it can be written.</summary>
    public static string Prepare(string configured)
    {
        var path = Path.GetFullPath(configured);
        try
        {
            // A new data folder is readable by the service account only: it holds the database,
            // logs and attachments. An existing folder keeps the mode its admin gave it.
            if (!Directory.Exists(path) && !OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            Directory.CreateDirectory(path);
            var probe = Path.Combine(path, $".write-check-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"The data folder {path} cannot be written ({ex.Message}). " +
                "Give the account that runs HelpdeskLite write access, or set Helpdesk:DataFolder.",
                exitCode: 2, ex);
        }

        return path;
    }
}
