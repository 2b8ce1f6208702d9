using HelpdeskLite.Audit;
using HelpdeskLite.Data;
using HelpdeskLite.Hosting;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using LinqToDB.Data;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HelpdeskLite.Tests.Audit;

/// <summary>A migrated database with an audit chain, and the tools a tampering test needs.</summary>
public sealed class AuditChain : IDisposable
{
    private AuditChain(TestDatabase database, int batchSize)
    {
        Database = database;
        Options = Microsoft.Extensions.Options.Options.Create(new AuditOptions { VerifyBatchSize = batchSize });
    }

    public TestDatabase Database { get; }

    public IOptions<AuditOptions> Options { get; }

    public string KeyFile => Path.Combine(Database.Folder, "audit.keys");

    public string LogFolder => Path.Combine(Database.Folder, "logs");

    public static async Task<AuditChain> CreateAsync(DatabaseKind kind, int entries, int batchSize = 20_000)
    {
        var chain = new AuditChain(await TestDatabase.CreateAsync(kind), batchSize);
        chain.Append(entries);
        return chain;
    }

    public AuditKeyRing Keys() => AuditKeyRing.Load(null, KeyFile);

    /// <summary>Appends entries whose details are {"n": seq-to-be}, one transaction each.</summary>
    public void Append(int count)
    {
        var log = new AuditLog(Keys(), TimeProvider.System);
        using var db = Database.Factory.Open();
        for (var i = 0; i < count; i++)
        {
            using var transaction = db.BeginTransaction();
            var next = db.AuditHeads.Single(h => h.Id == 1).LastSequence + 1;
            log.Append(db, new AuditActor(7, "alice", "127.0.0.1"), AuditEvent.Settings_Changed, "setting", "mode",
                new { n = next });
            transaction.Commit();
        }
    }

    public AuditCheckpoints Checkpoints(TimeProvider? clock = null, AuditOptions? options = null) => new(
        Database.Factory, Keys(), clock ?? TimeProvider.System,
        options is null ? Options : Microsoft.Extensions.Options.Options.Create(options),
        Microsoft.Extensions.Options.Options.Create(new HelpdeskOptions { DataFolder = Database.Folder }),
        NullLogger<AuditCheckpoints>.Instance);

    public AuditVerifier Verifier() =>
        new(Database.Factory, Keys(), Checkpoints(), new AuditLog(Keys(), TimeProvider.System), Options,
            NullLogger<AuditVerifier>.Instance);

    public AuditVerification Verify() => Verifier().Verify();

    /// <summary>Drops the append-only triggers, as a database administrator could.</summary>
    public void DropTriggers()
    {
        using var db = Database.Factory.Open();
        foreach (var trigger in new[]
        {
            "audit_entries_no_update", "audit_entries_no_delete", "audit_checkpoints_no_update", "audit_checkpoints_no_delete",
        })
        {
            db.Execute($"DROP TRIGGER IF EXISTS {trigger}");
        }
    }

    public AuditEntry Entry(long seq)
    {
        using var db = Database.Factory.Open();
        return db.AuditEntries.Single(e => e.Sequence == seq);
    }

    public void Execute(string sql, params DataParameter[] parameters)
    {
        using var db = Database.Factory.Open();
        db.Execute(sql, parameters);
    }

    public void Dispose() => Database.Dispose();
}
