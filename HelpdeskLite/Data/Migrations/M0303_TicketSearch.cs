using System.Data;
using FluentMigrator;

namespace HelpdeskLite.Data.Migrations;

/// <summary>
/// A full-text index over ticket subjects and descriptions, so that the queue search reads the
/// index instead of scanning every description: FULLTEXT on MySQL/MariaDB, an FTS5 table kept
/// in step by triggers on SQLite.
/// </summary>
[Migration(303)]
public sealed class M0303_TicketSearch(SchemaDialect dialect) : HelpdeskMigration(dialect)
{
    public override void Up()
    {
        if (Dialect.IsMySql)
        {
            // Without the stop-word list every word is indexed, so a search for "about" or "will"
            // finds tickets instead of nothing. The index takes the setting of the session that builds it.
            Execute.WithConnection((connection, transaction) => Run(connection, transaction,
                "SET SESSION innodb_ft_enable_stopword = OFF",
                "ALTER TABLE tickets ADD FULLTEXT INDEX ftx_tickets_text (subject, description)"));
            return;
        }

        Execute.WithConnection((connection, transaction) => Run(connection, transaction,
            """
            CREATE VIRTUAL TABLE tickets_fts USING fts5(
                subject, description, content = 'tickets', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2')
            """,
            """
            CREATE TRIGGER tickets_fts_insert AFTER INSERT ON tickets BEGIN
                INSERT INTO tickets_fts (rowid, subject, description) VALUES (new.id, new.subject, new.description);
            END
            """,
            """
            CREATE TRIGGER tickets_fts_delete AFTER DELETE ON tickets BEGIN
                INSERT INTO tickets_fts (tickets_fts, rowid, subject, description) VALUES ('delete', old.id, old.subject, old.description);
            END
            """,
            """
            CREATE TRIGGER tickets_fts_update AFTER UPDATE OF subject, description ON tickets BEGIN
                INSERT INTO tickets_fts (tickets_fts, rowid, subject, description) VALUES ('delete', old.id, old.subject, old.description);
                INSERT INTO tickets_fts (rowid, subject, description) VALUES (new.id, new.subject, new.description);
            END
            """,
            "INSERT INTO tickets_fts (tickets_fts) VALUES ('rebuild')"));
    }

    private static void Run(IDbConnection connection, IDbTransaction? transaction, params string[] statements)
    {
        foreach (var statement in statements)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = statement;
            command.CommandTimeout = 0;
            command.ExecuteNonQuery();
        }
    }
}
