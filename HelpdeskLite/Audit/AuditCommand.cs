using HelpdeskLite.Hosting;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Audit;

/// <summary><c>HelpdeskLite audit verify|rotate-key</c>: checks the chain or adds a signing key.</summary>
public static class AuditCommand
{
    public const int Intact = 0;
    public const int Broken = 1;
    public const int UsageError = 64;

    private const string Usage =
        "Usage: HelpdeskLite audit verify      verify the audit chain; exit code 0 when intact, 1 when broken\n" +
        "       HelpdeskLite audit rotate-key  add a new signing key to the key file; older keys stay for verification\n" +
        "Settings such as --Helpdesk:DataFolder PATH or --ConnectionStrings:Helpdesk VALUE may follow.";

    public static int Run(string[] args) => args switch
    {
        ["verify", .. var rest] => Verify(rest),
        ["rotate-key", .. var rest] => RotateKey(rest),
        _ => Fail(Usage),
    };

    private static int Verify(string[] settings)
    {
        using var services = CommandServices.Build(settings);
        var verifier = services.GetRequiredService<AuditVerifier>();
        var progress = new Progress<AuditProgress>(p => Console.Error.Write($"\rVerified {p.Checked} of {p.Total} entries"));

        var result = verifier.VerifyAndRecord(AuditActor.CommandLine, "command line", progress);

        Console.Error.WriteLine();
        Console.WriteLine(result.Summary());
        Console.WriteLine($"Checked {result.EntriesChecked} entries in {result.Elapsed.TotalSeconds:0.000} s.");
        if (result.RecordingError is { } error)
        {
            Console.Error.WriteLine(error);
        }

        return result.Intact ? Intact : Broken;
    }

    private static int RotateKey(string[] settings)
    {
        using (var before = CommandServices.Build(settings))
        {
            var options = before.GetRequiredService<IOptions<AuditOptions>>().Value;
            if (!string.IsNullOrWhiteSpace(options.Keys))
            {
                return Fail("Audit:Keys is set, so keys come from configuration, not the key file. " +
                    "Add a new \"id base64\" pair at the end of Audit:Keys instead.");
            }

            var dataFolder = before.GetRequiredService<IOptions<HelpdeskOptions>>().Value.DataFolder;
            var keyFile = AuditOptions.ResolveKeyFile(options, dataFolder);
            var keyId = AuditKeyRing.Rotate(keyFile);
            Console.WriteLine($"Added audit key '{keyId}' to {keyFile}. Restart every node so they sign with it.");
        }

        // A fresh container loads the new key, so the rotation entry is the first one it signs.
        using var after = CommandServices.Build(settings);
        var keys = after.GetRequiredService<AuditKeyRing>();
        var dbs = after.GetRequiredService<Data.HelpdeskDbFactory>();
        using var db = dbs.Open();
        using var transaction = db.BeginTransaction();
        after.GetRequiredService<AuditLog>().Append(db, AuditActor.CommandLine, AuditEvent.Audit_KeyRotated, "audit", "",
            new { keyId = keys.CurrentKeyId, verificationKeys = keys.KeyIds.Count });
        transaction.Commit();
        return 0;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        return UsageError;
    }
}
