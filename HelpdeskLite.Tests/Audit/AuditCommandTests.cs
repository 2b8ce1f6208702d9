using System.Diagnostics;
using HelpdeskLite.Audit;
using HelpdeskLite.Tests.Infrastructure;

namespace HelpdeskLite.Tests.Audit;

/// <summary>Runs <c>HelpdeskLite audit ...</c> as its own process, as an administrator would.</summary>
public sealed class AuditCommandTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verify_exits_zero_when_intact(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 5);

        var (exitCode, output) = await RunAsync(chain, "audit", "verify");

        Assert.Equal(0, exitCode);
        Assert.Contains("The audit chain is intact: 5 entries", output);
        Assert.Equal(AuditEvent.Audit_Verified, chain.Entry(6).Action);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verify_exits_one_naming_first_bad_seq(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 5);
        chain.DropTriggers();
        chain.Execute("UPDATE audit_entries SET client_ip = '10.9.9.9' WHERE seq = 3");

        var (exitCode, output) = await RunAsync(chain, "audit", "verify");

        Assert.Equal(1, exitCode);
        Assert.Contains("broken at seq 3: content changed", output);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Rotate_key_adds_a_key_and_records_it(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 2);

        var (exitCode, output) = await RunAsync(chain, "audit", "rotate-key");

        Assert.Equal(0, exitCode);
        Assert.Contains("Added audit key 'k2'", output);
        Assert.Equal(["k1", "k2"], chain.Keys().KeyIds.Order());
        var rotation = chain.Entry(3);
        Assert.Equal(AuditEvent.Audit_KeyRotated, rotation.Action);
        Assert.Equal("k2", rotation.KeyId);
        Assert.True(chain.Verify().Intact);
    }

    [Fact]
    public async Task Unknown_subcommand_prints_usage()
    {
        using var chain = await AuditChain.CreateAsync(DatabaseKind.Sqlite, 0);

        var (exitCode, output) = await RunAsync(chain, "audit", "nonsense");

        Assert.Equal(AuditCommand.UsageError, exitCode);
        Assert.Contains("Usage: HelpdeskLite audit verify", output);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(AuditChain chain, params string[] args)
    {
        var database = chain.Database;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = database.Folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HelpdeskLite.dll"));
        foreach (var argument in args.Concat([
            $"--Helpdesk:DataFolder={database.Folder}",
            $"--Database:Provider={database.Options.Provider}",
            $"--ConnectionStrings:Helpdesk={database.ConnectionString}",
        ]))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
