using HelpdeskLite.Demo;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Demo;

/// <summary>The executable started with --demo, as an evaluator runs it.</summary>
public sealed class DemoProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(240);
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hdl-demo-{Guid.NewGuid():N}");

    public DemoProcessTests()
    {
        Directory.CreateDirectory(folder);
    }

    [Fact]
    public async Task Demo_start_fills_own_folder_once_and_leaves_data_folder_alone()
    {
        var realData = Path.Combine(folder, "data");
        Directory.CreateDirectory(realData);
        await File.WriteAllTextAsync(Path.Combine(realData, "helpdesk.db"), "the real database");
        var port = ProductProcess.FreePort();
        string[] serve =
        [
            "--demo", "--Demo:Tickets=12", $"--urls=http://127.0.0.1:{port}", $"--Helpdesk:DataFolder={realData}",
            "--Database:Provider=MySql", "--ConnectionStrings:Helpdesk=Server=127.0.0.1;Port=1;Database=real",
        ];

        string firstOutput;
        string page;
        await using (var first = ProductProcess.StartDll(folder, serve))
        {
            firstOutput = await first.WaitForOutputAsync("Press Ctrl+C to stop.", Timeout);
            using var http = new HttpClient();
            page = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/account/sign-in"));
            await first.StopAsync();
        }

        string secondOutput;
        await using (var second = ProductProcess.StartDll(folder, serve))
        {
            secondOutput = await second.WaitForOutputAsync("Press Ctrl+C to stop.", Timeout);
            await second.StopAsync();
        }

        var demoData = Path.Combine(folder, DemoStart.DefaultFolder);
        await using var verify = await ProductProcess.RunDllAsync(
            folder, null, Timeout, "audit", "verify", $"--Helpdesk:DataFolder={demoData}");
        Assert.Contains("Filled 13 tickets and 6 incidents", firstOutput, StringComparison.Ordinal);
        Assert.Contains(DemoStart.Banner, firstOutput, StringComparison.Ordinal);
        Assert.Contains(DemoPeople.Password, firstOutput, StringComparison.Ordinal);
        Assert.Contains(DemoStart.Banner, page, StringComparison.Ordinal);
        Assert.Contains("Reusing the demo data already there (13 tickets, 6 incidents)", secondOutput, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demoData, "helpdesk.db")));
        Assert.Equal(["helpdesk.db"], Directory.GetFileSystemEntries(realData).Select(Path.GetFileName));
        Assert.Equal("the real database", await File.ReadAllTextAsync(Path.Combine(realData, "helpdesk.db")));
        Assert.Equal(0, verify.ExitCode);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process; the temporary folder is left for the OS.
        }
    }
}
