using HelpdeskLite.Audit;
using HelpdeskLite.Tests.Infrastructure;
using LinqToDB;
using LinqToDB.Data;

namespace HelpdeskLite.Tests.Audit;

public sealed class AuditVerifierTests
{
    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Intact_chain_verifies(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 250, batchSize: 100);

        var result = chain.Verify();

        Assert.True(result.Intact, result.Summary());
        Assert.Equal(250, result.EntriesChecked);
        Assert.Equal(250, result.LastSequence);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task One_byte_of_details_changed_is_content_changed(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 250, batchSize: 100);
        chain.DropTriggers();

        chain.Execute("UPDATE audit_entries SET details = '{\"n\":143}' WHERE seq = 142");
        var result = chain.Verify();

        Assert.Equal(142, result.FirstBadSequence);
        Assert.Equal(AuditProblem.ContentChanged, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Changed_actor_is_content_changed(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.DropTriggers();

        chain.Execute("UPDATE audit_entries SET actor_name = 'mallory' WHERE seq = 9");
        var result = chain.Verify();

        Assert.Equal(9, result.FirstBadSequence);
        Assert.Equal(AuditProblem.ContentChanged, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Deleted_row_is_entry_missing(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.DropTriggers();

        chain.Execute("DELETE FROM audit_entries WHERE seq = 12");
        var result = chain.Verify();

        Assert.Equal(12, result.FirstBadSequence);
        Assert.Equal(AuditProblem.EntryMissing, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forged_row_is_entry_inserted(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        var forged = chain.Entry(20);
        forged.Sequence = 21;
        forged.PreviousMac = forged.Mac;
        forged.Mac = new string('a', 64);
        forged.Details = "{\"n\":21}";

        using (var db = chain.Database.Factory.Open())
        {
            db.Insert(forged);
        }

        var result = chain.Verify();

        Assert.Equal(21, result.FirstBadSequence);
        Assert.Equal(AuditProblem.EntryInserted, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Entry_beyond_head_is_reported(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.Execute("UPDATE audit_head SET last_seq = 19, last_mac = (SELECT mac FROM audit_entries WHERE seq = 19) WHERE id = 1");

        var result = chain.Verifier().VerifyAndRecord(AuditActor.CommandLine, "test");

        Assert.Equal(20, result.FirstBadSequence);
        Assert.Equal(AuditProblem.EntryInserted, result.Problem);
        Assert.Contains("seq 20 already exists", result.RecordingError);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Missing_head_row_is_reported(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.Execute("DELETE FROM audit_head WHERE id = 1");

        var result = chain.Verifier().VerifyAndRecord(AuditActor.CommandLine, "test");

        Assert.Equal(20, result.FirstBadSequence);
        Assert.Equal(AuditProblem.ContentChanged, result.Problem);
        Assert.Contains("head row", result.Message);
        Assert.Contains("head row", result.RecordingError);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forged_last_entry_names_both_causes(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        var forged = chain.Entry(20);
        forged.Sequence = 21;
        forged.PreviousMac = forged.Mac;
        forged.Mac = new string('b', 64);
        using (var db = chain.Database.Factory.Open())
        {
            db.Insert(forged);
        }

        chain.Execute($"UPDATE audit_head SET last_seq = 21, last_mac = '{forged.Mac}' WHERE id = 1");
        var result = chain.Verify();

        Assert.Equal(21, result.FirstBadSequence);
        Assert.Contains("forged and the chain head rewritten", result.Message);
    }

    [Fact]
    public async Task Unreadable_row_is_named_by_seq()
    {
        using var chain = await AuditChain.CreateAsync(DatabaseKind.Sqlite, 20);
        chain.Execute("""
            INSERT INTO audit_entries (seq, occurred_at, actor_id, actor_name, client_ip, action, entity_type, entity_id,
                details, prev_mac, mac, key_id)
            SELECT seq + 1, 'garbage', actor_id, actor_name, client_ip, action, entity_type, entity_id, details, mac, mac, key_id
            FROM audit_entries WHERE seq = 20
            """);

        var result = chain.Verify();

        Assert.Equal(21, result.FirstBadSequence);
        Assert.Contains("cannot be read", result.Message);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Checkpoint_writer_survives_missing_head(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.Execute("DELETE FROM audit_head WHERE id = 1");

        var written = chain.Checkpoints().WriteIfDue();

        Assert.Null(written);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Swapped_rows_are_order_changed(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.DropTriggers();
        var first = chain.Entry(7);
        var second = chain.Entry(8);

        using (var db = chain.Database.Factory.Open())
        {
            (first.Sequence, second.Sequence) = (8, 7);
            db.Update(second);
            db.Update(first);
        }

        var result = chain.Verify();

        Assert.Equal(7, result.FirstBadSequence);
        Assert.Equal(AuditProblem.OrderChanged, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Newest_rows_deleted_is_tail_truncated(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.DropTriggers();

        chain.Execute("DELETE FROM audit_entries WHERE seq > 17");
        var result = chain.Verify();

        Assert.Equal(18, result.FirstBadSequence);
        Assert.Equal(AuditProblem.TailTruncated, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Truncation_with_rewound_head_is_caught_by_checkpoint(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        chain.Checkpoints().Write();
        chain.DropTriggers();
        var newHead = chain.Entry(17);

        chain.Execute("DELETE FROM audit_entries WHERE seq > 17");
        chain.Execute("UPDATE audit_head SET last_seq = 17, last_mac = @mac", new DataParameter("mac", newHead.Mac));
        var result = chain.Verify();

        Assert.Equal(18, result.FirstBadSequence);
        Assert.Equal(AuditProblem.TailTruncated, result.Problem);
        Assert.Equal("database", result.Checkpoint?.Source);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Truncation_with_checkpoints_deleted_is_caught_by_log_file(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 20);
        var checkpoint = chain.Checkpoints().Write()!;
        Directory.CreateDirectory(chain.LogFolder);
        await File.WriteAllTextAsync(Path.Combine(chain.LogFolder, "helpdesk-20260101.log"),
            "2026-01-01 10:00:00.000 +00:00 [INF] HelpdeskLite.Audit.AuditCheckpoints  Audit checkpoint written: "
            + $"seq {checkpoint.Sequence} mac {checkpoint.Mac} at {AuditMac.FormatTime(checkpoint.WrittenAt)} "
            + $"key {checkpoint.KeyId} checkpoint MAC {checkpoint.CheckpointMac}\n");
        chain.DropTriggers();
        var newHead = chain.Entry(15);

        chain.Execute("DELETE FROM audit_entries WHERE seq > 15");
        chain.Execute("DELETE FROM audit_checkpoints");
        chain.Execute("UPDATE audit_head SET last_seq = 15, last_mac = @mac", new DataParameter("mac", newHead.Mac));
        var result = chain.Verify();

        Assert.Equal(16, result.FirstBadSequence);
        Assert.Equal(AuditProblem.TailTruncated, result.Problem);
        Assert.Equal("helpdesk-20260101.log", result.Checkpoint?.Source);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Forged_checkpoint_is_ignored(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 10);

        chain.Execute(
            "INSERT INTO audit_checkpoints (seq, mac, written_at, key_id, checkpoint_mac) " +
            "VALUES (50, @mac, @at, 'k1', @mac)",
            new DataParameter("mac", new string('b', 64)), new DataParameter("at", DateTime.UtcNow));
        var result = chain.Verify();

        Assert.True(result.Intact, result.Summary());
        Assert.Null(result.Checkpoint);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Entry_signed_with_removed_key_is_unknown_key(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 5);
        AuditKeyRing.Rotate(chain.KeyFile);
        chain.Append(5);
        var lines = await File.ReadAllLinesAsync(chain.KeyFile);

        await File.WriteAllLinesAsync(chain.KeyFile, lines.Where(line => !line.StartsWith("k1 ", StringComparison.Ordinal)));
        var result = chain.Verify();

        Assert.Equal(1, result.FirstBadSequence);
        Assert.Equal(AuditProblem.UnknownKey, result.Problem);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Chain_spanning_a_key_rotation_verifies(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 5);

        AuditKeyRing.Rotate(chain.KeyFile);
        chain.Append(5);
        var result = chain.Verify();

        Assert.True(result.Intact, result.Summary());
        Assert.Equal("k2", chain.Entry(10).KeyId);
        Assert.Equal("k1", chain.Entry(5).KeyId);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Triggers_reject_update_and_delete(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 3);

        var update = Record.Exception(() => chain.Execute("UPDATE audit_entries SET actor_name = 'x' WHERE seq = 2"));
        var delete = Record.Exception(() => chain.Execute("DELETE FROM audit_entries WHERE seq = 3"));
        var checkpointDelete = Record.Exception(() => chain.Execute("DELETE FROM audit_checkpoints"));

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.True(checkpointDelete is null || checkpointDelete.Message.Contains("append-only"));
        Assert.True(chain.Verify().Intact);
    }

    [Theory, MemberData(nameof(Databases.Both), MemberType = typeof(Databases))]
    public async Task Verification_is_recorded_in_the_chain(DatabaseKind kind)
    {
        using var chain = await AuditChain.CreateAsync(kind, 3);

        chain.Verifier().VerifyAndRecord(new AuditActor(1, "auditor", "127.0.0.1"), "test");
        var entry = chain.Entry(4);

        Assert.Equal(AuditEvent.Audit_Verified, entry.Action);
        Assert.Contains("\"intact\":true", entry.Details);
        Assert.True(chain.Verify().Intact);
    }
}
