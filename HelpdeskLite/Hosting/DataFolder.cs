namespace HelpdeskLite.Hosting;

public static class DataFolder
{
    /// <summary>Creates the data folder if needed and proves it can be written.</summary>
    public static string Prepare(string configured)
    {
        var path = Path.GetFullPath(configured);
        try
        {
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
