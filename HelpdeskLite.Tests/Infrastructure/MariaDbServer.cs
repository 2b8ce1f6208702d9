using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MySqlConnector;

namespace HelpdeskLite.Tests.Infrastructure;

/// <summary>
/// A throwaway MariaDB server for the test run: the installed mariadbd on a free loopback port,
/// with its data in a temporary folder that is deleted afterwards. Never a shared database.
/// </summary>
public sealed class MariaDbServer : IAsyncDisposable
{
    private static readonly Lazy<Task<MariaDbServer>> SharedServer = new(StartAsync);
    private static int databaseCounter;

    private readonly Process process;
    private readonly string folder;

    private MariaDbServer(Process process, string folder, int port)
    {
        this.process = process;
        this.folder = folder;
        Port = port;
    }

    public int Port { get; }

    public string AdminConnectionString =>
        $"Server=127.0.0.1;Port={Port};User ID=root;Password=;Pooling=true;Connection Timeout=30;Default Command Timeout=120";

    /// <summary>Returns the server shared by the whole test run, starting it on first use.</summary>
    public static Task<MariaDbServer> SharedAsync() => SharedServer.Value;

    /// <summary>Creates an empty utf8mb4 database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "hdl")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}";
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";
        await command.ExecuteNonQueryAsync();
        return $"{AdminConnectionString};Database={name}";
    }

    /// <summary>
    /// Creates a database with the schema and seed rows of <paramref name="template"/>: its
    /// tables, rows and triggers are copied in one batch, which costs a fraction of running
    /// the migrations again. Returns the new database's connection string.
    /// </summary>
    public async Task<string> CloneDatabaseAsync(string template)
    {
        var script = await cloneScripts.GetOrAdd(template, CloneScriptAsync);
        var name = $"hdl_{Environment.ProcessId}_{Interlocked.Increment(ref databaseCounter)}";
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"CREATE DATABASE `{name}` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\nUSE `{name}`;\n" +
            script.Replace("{template}", template, StringComparison.Ordinal);
        await command.ExecuteNonQueryAsync();
        return $"{AdminConnectionString};Database={name}";
    }

    private readonly ConcurrentDictionary<string, Task<string>> cloneScripts = new(StringComparer.Ordinal);

    /// <summary>Writes the statements that rebuild the template in the current database.</summary>
    private async Task<string> CloneScriptAsync(string template)
    {
        await using var connection = new MySqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        // A full-text index takes the stop-word setting of the session that builds it, so the
        // copy turns the list off as the migration does.
        var script = new StringBuilder("SET FOREIGN_KEY_CHECKS = 0;\nSET SESSION innodb_ft_enable_stopword = OFF;\n");
        var tables = new List<string>();
        await using (var command = new MySqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = @schema AND table_type = 'BASE TABLE' ORDER BY table_name",
            connection))
        {
            command.Parameters.AddWithValue("@schema", template);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var command = new MySqlCommand($"SHOW CREATE TABLE `{template}`.`{table}`", connection);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            script.Append(reader.GetString(1)).Append(";\n");
        }

        foreach (var table in tables)
        {
            script.Append($"INSERT INTO `{table}` SELECT * FROM `{{template}}`.`{table}`;\n");
        }

        await using (var command = new MySqlCommand(
            "SELECT trigger_name, action_timing, event_manipulation, event_object_table, action_statement " +
            "FROM information_schema.triggers WHERE trigger_schema = @schema ORDER BY event_object_table, action_order",
            connection))
        {
            command.Parameters.AddWithValue("@schema", template);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                script.Append($"CREATE TRIGGER `{reader.GetString(0)}` {reader.GetString(1)} {reader.GetString(2)} ")
                    .Append($"ON `{reader.GetString(3)}` FOR EACH ROW {reader.GetString(4)};\n");
            }
        }

        return script.Append("SET FOREIGN_KEY_CHECKS = 1;\n").ToString();
    }

    private static async Task<MariaDbServer> StartAsync()
    {
        var server = FindExecutable("mariadbd", "mysqld")
            ?? throw new InvalidOperationException(
                "MariaDB server not found (mariadbd). Install it with: sudo apt-get install -y mariadb-server " +
                "(bash .ci/run installs it).");
        var installer = FindExecutable("mariadb-install-db", "mysql_install_db")
            ?? throw new InvalidOperationException(
                "mariadb-install-db not found. Install it with: sudo apt-get install -y mariadb-server.");

        var folder = Path.Combine(Path.GetTempPath(), $"hdl-mariadb-{Guid.NewGuid():N}");
        var data = Path.Combine(folder, "data");
        var temp = Path.Combine(folder, "tmp");
        Directory.CreateDirectory(data);

        // A private tmpdir: with the shared /tmp, two servers installing at once have failed with
        // "Could not remove temporary table '/tmp/#sql-temptable-...'".
        Directory.CreateDirectory(temp);
        var asRoot = Environment.UserName == "root" ? "--user=root" : "";

        await RunAsync(installer,
            $"--no-defaults --datadir={data} --tmpdir={temp} --auth-root-authentication-method=normal --skip-test-db {asRoot}");

        var port = FreePort();
        var process = Process.Start(new ProcessStartInfo(server,
            $"--no-defaults --datadir={data} --tmpdir={temp} --port={port} --bind-address=127.0.0.1 " +
            $"--socket={Path.Combine(folder, "mysqld.sock")} --pid-file={Path.Combine(folder, "mysqld.pid")} " +
            "--skip-name-resolve --skip-log-bin --innodb-file-per-table=0 --innodb-buffer-pool-size=512M --innodb-log-file-size=256M " +
            "--innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --sync-binlog=0 --max-connections=500 " +
            "--character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci " +
            $"--log-error={Path.Combine(folder, "error.log")} {asRoot}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {server}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var instance = new MariaDbServer(process, folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => instance.Stop();
        await instance.WaitUntilReadyAsync();
        return instance;
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        Exception? last = null;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"mariadbd exited with code {process.ExitCode}: {ReadErrorLog()}");
            }

            try
            {
                await using var connection = new MySqlConnection(AdminConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (MySqlException ex)
            {
                last = ex;
                await Task.Delay(200);
            }
        }

        throw new TimeoutException($"mariadbd did not accept connections within 90 s: {last?.Message} {ReadErrorLog()}");
    }

    private string ReadErrorLog()
    {
        var log = Path.Combine(folder, "error.log");
        return File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : "(no error log)";
    }

    private void Stop()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a dying server; the temporary folder is cleaned by the OS.
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindExecutable(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Concat(["/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin"]);
        return names.SelectMany(name => folders.Select(f => Path.Combine(f, name))).FirstOrDefault(File.Exists);
    }

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed with code {process.ExitCode}: {await error} {await output}");
        }
    }
}
