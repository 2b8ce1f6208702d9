using HelpdeskLite.Audit;
using LinqToDB;

namespace HelpdeskLite.Data;

public sealed partial class HelpdeskDb
{
    public ITable<AuditEntry> AuditEntries => this.GetTable<AuditEntry>();

    public ITable<AuditHead> AuditHeads => this.GetTable<AuditHead>();

    public ITable<AuditCheckpoint> AuditCheckpoints => this.GetTable<AuditCheckpoint>();
}
