using System.Globalization;
using System.Text.RegularExpressions;
using HelpdeskLite.E2E.Infrastructure;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.E2E.Day;

/// <summary>
/// The product started as README describes (<c>dotnet HelpdeskLite.dll</c> with command-line
/// settings) on its own database, run under <c>strace</c> so that every <c>connect</c> call of
/// every thread is recorded for the air-gap check.
/// </summary>
/// <remarks>
/// A network namespace with only loopback would also stop the browser and the test database from
/// reaching the product, so the day records connection attempts instead. The product is started
/// through <c>sh -c 'echo $$ &gt; pid; exec dotnet …'</c> to learn its process id: stopping
/// strace alone would detach it and leave the product running.
/// NOTE: only connect is traced, because tracing sendto and sendmsg stops the product on every
/// response it writes. A datagram sent with sendto to an address, without connect, is not seen.
/// Name lookups are still seen: .NET resolves names through glibc, which connects its UDP socket.
/// </remarks>
public sealed partial class TracedProduct : IAsyncDisposable
{
    private readonly string folder;
    private readonly ProductProcess process;

    private TracedProduct(string folder, ProductProcess process, Uri address)
    {
        this.folder = folder;
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public string SetupLink { get; private set; } = "";

    public string TraceFile => Path.Combine(folder, "connect.trace");

    private string PidFile => Path.Combine(folder, "product.pid");

    public static async Task<TracedProduct> StartAsync(DatabaseKind kind)
    {
        var strace = FindStrace();
        var folder = Path.Combine(Path.GetTempPath(), $"hdl-day-{kind}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var address = new Uri($"http://127.0.0.1:{ProductProcess.FreePort()}");
        List<string> settings =
        [
            $"--urls={address}",
            $"--Helpdesk:DataFolder={Path.Combine(folder, "data")}",

            // Every browser of the day signs in from 127.0.0.1, so the per-address limit
            // (20 a minute by default) would lock out the twenty-fourth person of the morning.
            "--RateLimit:SignInPermitLimit=500",
        ];
        if (kind == DatabaseKind.MySql)
        {
            var server = await MariaDbServer.SharedAsync();
            settings.Add("--Database:Provider=MySql");
            settings.Add($"--ConnectionStrings:Helpdesk={await server.CreateDatabaseAsync("day")}");
        }

        string[] arguments =
        [
            "-f", "--seccomp-bpf", "-qq", "-e", "trace=connect", "-e", "signal=none",
            "-o", Path.Combine(folder, "connect.trace"),
            "sh", "-c", "echo $$ > \"$0\"; exec \"$@\"", Path.Combine(folder, "product.pid"),
            "dotnet", ProductProcess.DllPath, .. settings,
        ];
        var process = ProductProcess.Start(strace, arguments, folder);
        var product = new TracedProduct(folder, process, address);
        var output = await process.WaitForOutputAsync("/setup?token=", TimeSpan.FromSeconds(120));
        product.SetupLink = SetupLinkPattern().Match(output).Value;
        return product;
    }

    /// <summary>Fails unless strace is attached to the product process right now.</summary>
    public void AssertTraced()
    {
        var pid = ProductPid();
        var status = File.ReadAllLines($"/proc/{pid}/status");
        var tracer = status.Single(line => line.StartsWith("TracerPid:", StringComparison.Ordinal));
        Assert.NotEqual("0", tracer["TracerPid:".Length..].Trim());
    }

    /// <summary>Returns every address the product called connect with.</summary>
    public IReadOnlyList<string> RecordedTargets() =>
        File.ReadLines(TraceFile)
            .Select(line => AddressPattern().Match(line))
            .Where(match => match.Success)
            .Select(match => match.Value)
            .ToList();

    /// <summary>Returns the recorded addresses that are not loopback and not local to the machine.</summary>
    public IReadOnlyList<string> NonLoopbackTargets() =>
        RecordedTargets().Where(target => !IsLocal(target)).Distinct().ToList();

    public static bool IsLocal(string target)
    {
        var family = FamilyPattern().Match(target).Groups[1].Value;
        return family switch
        {
            // Unix sockets, kernel netlink and the AF_UNSPEC "disconnect" never leave the machine.
            "AF_UNIX" or "AF_LOCAL" or "AF_NETLINK" or "AF_UNSPEC" => true,
            "AF_INET" => target.Contains("inet_addr(\"127.", StringComparison.Ordinal),
            "AF_INET6" => target.Contains("\"::1\"", StringComparison.Ordinal)
                || target.Contains("\"::ffff:127.", StringComparison.Ordinal),
            _ => false,
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited && File.Exists(PidFile))
        {
            using var kill = System.Diagnostics.Process.Start(
                "kill", ["-TERM", ProductPid().ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(30));
        }

        await process.DisposeAsync();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }

    private int ProductPid() => int.Parse(File.ReadAllText(PidFile).Trim(), CultureInfo.InvariantCulture);

    private static string FindStrace()
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/bin", "/bin"]);
        return folders.Select(f => Path.Combine(f, "strace")).FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "strace was not found. The acceptance day records the product's connection attempts with it; " +
                "install it with: apt-get install strace (bash .ci/run installs it when missing).");
    }

    [GeneratedRegex(@"http\S+/setup\?token=\S+")]
    private static partial Regex SetupLinkPattern();

    [GeneratedRegex(@"\{sa_family=AF_\w+[^}]*\}")]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"sa_family=(AF_\w+)")]
    private static partial Regex FamilyPattern();
}
