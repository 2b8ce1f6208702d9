using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using HelpdeskLite.Audit;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;

namespace HelpdeskLite.Tests.Audit;

public sealed class AuditConcurrencyTests
{
    private const int SignInsPerProcess = 40;
    private const int ParallelPerProcess = 4;

    [Fact]
    public async Task Two_processes_append_one_unbroken_chain()
    {
        using var database = await TestDatabase.CreateAsync(DatabaseKind.MySql);
        var keys = $"k1 {Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";
        await using var first = await ProductProcess.StartAsync(database, keys, "node-a");
        await using var second = await ProductProcess.StartAsync(database, keys, "node-b");

        await Task.WhenAll(FailSignInsAsync(first.Address), FailSignInsAsync(second.Address));

        using var db = database.Factory.Open();
        var sequences = db.AuditEntries.Select(e => e.Sequence).OrderBy(s => s).ToList();
        Assert.Equal(2 * SignInsPerProcess, db.AuditEntries.Count(e => e.Action == AuditEvent.SignIn_Failed));
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var ring = AuditKeyRing.Parse(keys, "test");
        var checkpoints = new AuditCheckpoints(database.Factory, ring, TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new AuditOptions()),
            Microsoft.Extensions.Options.Options.Create(new HelpdeskOptions { DataFolder = database.Folder }),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditCheckpoints>.Instance);
        var verifier = new AuditVerifier(database.Factory, ring, checkpoints, new AuditLog(ring, TimeProvider.System),
            Microsoft.Extensions.Options.Options.Create(new AuditOptions()),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditVerifier>.Instance);
        var result = verifier.Verify();
        Assert.True(result.Intact, result.Summary());
        Assert.Equal(sequences.Count, result.EntriesChecked);
    }

    private static async Task FailSignInsAsync(Uri address)
    {
        var remaining = SignInsPerProcess;
        var workers = Enumerable.Range(0, ParallelPerProcess).Select(async _ =>
        {
            using var client = new TestClient(address);
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                using var response = await client.PostFormAsync("/account/sign-in",
                    new() { ["Username"] = "nobody", ["Password"] = "wrong-password-123" });
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }
        });
        await Task.WhenAll(workers);
    }

    /// <summary>The built product started as its own process with <c>dotnet HelpdeskLite.dll</c>.</summary>
    private sealed class ProductProcess : IAsyncDisposable
    {
        private readonly Process process;

        private readonly System.Collections.Concurrent.ConcurrentQueue<string> output;

        private ProductProcess(Process process, Uri address, System.Collections.Concurrent.ConcurrentQueue<string> output)
        {
            this.process = process;
            this.output = output;
            Address = address;
        }

        public Uri Address { get; }

        public static async Task<ProductProcess> StartAsync(TestDatabase database, string keys, string name)
        {
            var port = FreePort();
            var folder = Path.Combine(database.Folder, name);
            Directory.CreateDirectory(folder);
            var dll = Path.Combine(AppContext.BaseDirectory, "HelpdeskLite.dll");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = folder,
            };
            foreach (var argument in new[]
            {
                dll, $"--urls=http://127.0.0.1:{port}", $"--Helpdesk:DataFolder={folder}",
                "--Database:Provider=MySql", $"--ConnectionStrings:Helpdesk={database.ConnectionString}",
                "--Serilog:MinimumLevel:Default=Warning",

                // The test drives many sign-ins from one address; the per-address limit would cut them off.
                "--RateLimit:SignInPermitLimit=100000",
            })
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["Audit__Keys"] = keys;
            var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
            var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
            process.OutputDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            process.ErrorDataReceived += (_, line) => output.Enqueue(line.Data ?? "");
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var product = new ProductProcess(process, new Uri($"http://127.0.0.1:{port}"), output);
            await product.WaitUntilHealthyAsync();
            return product;
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        private async Task WaitUntilHealthyAsync()
        {
            using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException(
                        $"The product process exited with code {process.ExitCode}: {string.Join('\n', output.TakeLast(20))}");
                }

                try
                {
                    using var response = await http.GetAsync("/health");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(200);
            }

            throw new TimeoutException(
                $"The product at {Address} did not answer /health within 60 s: {string.Join('\n', output.TakeLast(20))}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
