using System.Text.RegularExpressions;
using HelpdeskLite.Auth;
using HelpdeskLite.Data;
using HelpdeskLite.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace HelpdeskLite.Tests.Hosting;

// File modes are a Unix concept; the product writes Windows key files with default ACLs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed partial class GeneratedSecretTests
{
    private static readonly string[] KeyFiles = ["session-signing.key", "audit.keys"];

    [Fact]
    public async Task Generated_key_files_have_mode_0600()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite);
        using var client = (await app.ClientForAsync(Role.User)).Client;

        var files = KeyFiles.Select(f => Path.Combine(app.Database.Folder, f));

        foreach (var file in files)
        {
            Assert.True(File.Exists(file), $"{file} was not generated.");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task Log_holds_no_password_token_or_key()
    {
        await using var app = await TestApp.StartAsync(DatabaseKind.Sqlite, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Debug",
        });
        var user = app.CreateUser(Role.User);
        using var client = app.Anonymous();
        await client.PostFormAsync("/account/sign-in", new() { ["Username"] = user.Username, ["Password"] = "Wrong-Password-Typed-77" });
        using var signedIn = await app.SignInAsync(user.Username);
        await signedIn.GetAsync("/");
        string setupToken;
        using (var scope = app.Services.CreateScope())
        {
            setupToken = scope.ServiceProvider.GetRequiredService<AccountService>().IssueSetupToken();
        }

        await client.GetAsync($"/setup?token={setupToken}");
        var session = signedIn.Cookies.GetCookies(app.Address)[SessionTokens.CookieName]!.Value;

        var log = await ReadLogAsync(app.Database.Folder);
        var signingKey = File.ReadAllText(Path.Combine(app.Database.Folder, "session-signing.key")).Trim();
        var auditKeys = AuditKeyValues().Matches(File.ReadAllText(Path.Combine(app.Database.Folder, "audit.keys")));

        Assert.Contains("signed in", log, StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.DefaultPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain("Wrong-Password-Typed-77", log, StringComparison.Ordinal);
        Assert.DoesNotContain(setupToken, log, StringComparison.Ordinal);
        Assert.DoesNotContain(session, log, StringComparison.Ordinal);
        Assert.DoesNotContain(session.Split('.')[2], log, StringComparison.Ordinal);
        Assert.DoesNotContain(signingKey, log, StringComparison.Ordinal);
        Assert.NotEmpty(auditKeys);
        foreach (Match key in auditKeys)
        {
            Assert.DoesNotContain(key.Value, log, StringComparison.Ordinal);
        }
    }

    private static async Task<string> ReadLogAsync(string dataFolder)
    {
        var logs = Path.Combine(dataFolder, "logs");
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var text = string.Concat(Directory.GetFiles(logs).Select(ReadShared));
            if (text.Contains("signed in", StringComparison.Ordinal) || DateTime.UtcNow > deadline)
            {
                return text;
            }

            await Task.Delay(100);
        }
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    // Base64 runs of 32 characters or more: the key material in the audit key file.
    [GeneratedRegex("[A-Za-z0-9+/=]{32,}")]
    private static partial Regex AuditKeyValues();
}
