using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Hosting;

/// <summary>The executable run as its own process: start-up failures, the set-up link and the admin command.</summary>
public sealed class ProcessStartupTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hdl-process-{Guid.NewGuid():N}");

    public ProcessStartupTests()
    {
        Directory.CreateDirectory(folder);
    }

    [Fact]
    public async Task Unreachable_database_names_host_and_database_but_not_password()
    {
        var port = ProductProcess.FreePort();
        const string password = "Never-Print-This-7c1d";

        await using var product = await ProductProcess.RunDllAsync(folder, null, Timeout,
            "--Database:Provider=MySql",
            $"--ConnectionStrings:Helpdesk=Server=127.0.0.1;Port={port};Database=helpdesk_missing;User ID=helpdesk;Password={password};Connection Timeout=3",
            $"--Helpdesk:DataFolder={Path.Combine(folder, "data")}",
            "--urls=http://127.0.0.1:0");

        var everything = product.Output + product.Error;
        Assert.NotEqual(0, product.ExitCode);
        Assert.Contains("127.0.0.1", product.Error, StringComparison.Ordinal);
        Assert.Contains("helpdesk_missing", product.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(password, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(password, LogText(Path.Combine(folder, "data")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unwritable_data_folder_is_named()
    {
        // A folder below a regular file cannot be created by anyone, root included.
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "");
        var dataFolder = Path.Combine(blocker, "data");

        await using var product = await ProductProcess.RunDllAsync(folder, null, Timeout,
            $"--Helpdesk:DataFolder={dataFolder}", "--urls=http://127.0.0.1:0");

        Assert.NotEqual(0, product.ExitCode);
        Assert.Contains($"The data folder {dataFolder} cannot be written", product.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_command_reads_password_from_stdin_and_silences_setup_link()
    {
        var dataFolder = Path.Combine(folder, "data");
        var port = ProductProcess.FreePort();
        string[] serve = [$"--Helpdesk:DataFolder={dataFolder}", $"--urls=http://127.0.0.1:{port}"];

        await using (var first = ProductProcess.StartDll(folder, serve))
        {
            await first.WaitForOutputAsync("/setup?token=", Timeout);
            await first.StopAsync();
        }

        await using var create = await ProductProcess.RunDllAsync(folder, "Tulip-Ferry-93-Lantern", Timeout,
            ["admin", "create", "--username", "ops.admin", $"--Helpdesk:DataFolder={dataFolder}"]);
        await using var weak = await ProductProcess.RunDllAsync(folder, "password1234", Timeout,
            ["admin", "create", "--username", "weak.admin", $"--Helpdesk:DataFolder={dataFolder}"]);
        await using var second = ProductProcess.StartDll(folder, serve);
        await second.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{port}/health"), Timeout);
        await second.StopAsync();

        Assert.Equal(0, create.ExitCode);
        Assert.Contains("Created admin 'ops.admin'", create.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, weak.ExitCode);
        Assert.Contains("commonly used", weak.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("/setup?token=", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Tulip-Ferry-93-Lantern", create.Output + LogText(dataFolder), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_command_without_username_prints_usage()
    {
        await using var product = await ProductProcess.RunDllAsync(folder, "Tulip-Ferry-93-Lantern", Timeout,
            "admin", "create", $"--Helpdesk:DataFolder={Path.Combine(folder, "data")}");

        Assert.Equal(64, product.ExitCode);
        Assert.Contains("Missing --username", product.Error, StringComparison.Ordinal);
    }

    internal static string LogText(string dataFolder)
    {
        var logs = Path.Combine(dataFolder, "logs");
        if (!Directory.Exists(logs))
        {
            return "";
        }

        return string.Concat(Directory.GetFiles(logs).Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
