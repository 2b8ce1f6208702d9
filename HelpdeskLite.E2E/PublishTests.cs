using System.Diagnostics;
using System.Net;
using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.E2E;

/// <summary>publish.ps1 makes one executable that starts from an otherwise empty folder.</summary>
public sealed class PublishTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"hdl-publish-{Guid.NewGuid():N}");

    [Fact]
    public async Task Published_executable_runs_alone_in_empty_folder()
    {
        var output = Path.Combine(folder, "publish");
        var empty = Path.Combine(folder, "server");
        Directory.CreateDirectory(empty);

        await RunAsync("dotnet", ["tool", "restore"]);
        await RunAsync("dotnet", ["pwsh", "-NoProfile", "-File", "publish.ps1", "-Runtime", "linux-x64", "-Output", output]);
        var published = Directory.GetFiles(output);
        var executable = Path.Combine(empty, "HelpdeskLite");
        File.Copy(Path.Combine(output, "HelpdeskLite"), executable);
        var port = ProductProcess.FreePort();
        await using var server = ProductProcess.Start(executable, [$"--urls=http://127.0.0.1:{port}"], empty);
        await server.WaitUntilHealthyAsync(new Uri($"http://127.0.0.1:{port}/health"), TimeSpan.FromSeconds(90));
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var signIn = await http.GetStringAsync("/account/sign-in");
        using var css = await http.GetAsync("/css/site.css");
        using var htmx = await http.GetAsync("/lib/htmx-2.0.11.min.js");
        await server.StopAsync();

        Assert.Equal(["HelpdeskLite"], published.Select(Path.GetFileName));
        Assert.Contains("<h1>Sign in</h1>", signIn, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal(HttpStatusCode.OK, htmx.StatusCode);
        Assert.Contains("/setup?token=", server.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "data", "helpdesk.db")), "The SQLite database was not created in ./data.");
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = ProductFixture.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0,
            $"{file} {string.Join(' ', arguments)} failed with {process.ExitCode}:\n{await output}\n{await error}");
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
