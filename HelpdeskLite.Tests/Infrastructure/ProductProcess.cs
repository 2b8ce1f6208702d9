using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>
/// The product's own executable run as a separate process (<c>dotnet HelpdeskLite.dll</c> or a
/// published single file), with its standard output and error collected line by line.
/// </summary>
public sealed class ProductProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();
    private readonly Lock gate = new();

    private ProductProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>HelpdeskLite.dll as built beside the test assembly.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "HelpdeskLite.dll");

    public string Output
    {
        get
        {
            lock (gate)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (gate)
            {
                return error.ToString();
            }
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts <c>dotnet HelpdeskLite.dll</c> with the arguments in the working folder.</summary>
    public static ProductProcess StartDll(string workingFolder, params string[] arguments) =>
        Start("dotnet", [DllPath, .. arguments], workingFolder);

    /// <summary>Starts an executable, such as a published single file, with the arguments.</summary>
    public static ProductProcess Start(string executable, IEnumerable<string> arguments, string workingFolder)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingFolder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        // The product must not pick up a developer's environment name or URLs from the test run.
        info.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        info.Environment.Remove("ASPNETCORE_URLS");
        info.Environment["DOTNET_NOLOGO"] = "1";

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var product = new ProductProcess(process);
        process.OutputDataReceived += (_, e) => product.Append(product.output, e.Data);
        process.ErrorDataReceived += (_, e) => product.Append(product.error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return product;
    }

    /// <summary>Runs <c>dotnet HelpdeskLite.dll</c> to its end, writing <paramref name="input"/> to its standard input.</summary>
    public static async Task<ProductProcess> RunDllAsync(
        string workingFolder, string? input, TimeSpan timeout, params string[] arguments)
    {
        var product = StartDll(workingFolder, arguments);
        if (input is not null)
        {
            await product.process.StandardInput.WriteLineAsync(input);
        }

        product.process.StandardInput.Close();
        await product.WaitForExitAsync(timeout);
        return product;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"The product did not exit within {timeout.TotalSeconds} s.\nOutput:\n{Output}\nError:\n{Error}");
        }

        // WaitForExitAsync returns after the output streams closed, so Output is complete here.
    }

    /// <summary>Waits until the standard output contains the text; fails early if the process exits.</summary>
    public async Task<string> WaitForOutputAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var current = Output;
            if (current.Contains(text, StringComparison.Ordinal))
            {
                return current;
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The product exited with code {process.ExitCode} before printing '{text}'.\nOutput:\n{current}\nError:\n{Error}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The product did not print '{text}' within {timeout.TotalSeconds} s.\nOutput:\n{Output}\nError:\n{Error}");
    }

    /// <summary>Polls the URL until it returns 200; fails early if the process exits.</summary>
    public async Task WaitUntilHealthyAsync(Uri health, TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The product exited with code {process.ExitCode}.\nOutput:\n{Output}\nError:\n{Error}");
            }

            try
            {
                using var response = await http.GetAsync(health);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{health} did not answer 200 within {timeout.TotalSeconds} s.\nOutput:\n{Output}\nError:\n{Error}");
    }

    /// <summary>Asks the process to shut down as Ctrl+C would (SIGTERM), then waits for it.</summary>
    public async Task StopAsync()
    {
        if (process.HasExited)
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            process.Kill(entireProcessTree: true);
        }
        else
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        await WaitForExitAsync(TimeSpan.FromSeconds(30));
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (gate)
        {
            target.AppendLine(line);
        }
    }
}
