using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Ingest;

/// <summary>Reads and writes the inbox table. Runs only inside the caller's connection or session.</summary>
public static class InboxStore
{
    /// <summary>
    /// Up to <paramref name="limit"/> unprocessed events, the most severe first, read outside any transaction
    /// through the connection's prepared statement (the pipeline reads once per turn on the connection it keeps).
    /// </summary>
    public static IReadOnlyList<InboxEvent> ReadUnprocessed(SqliteConnection connection, int limit) =>
        [.. connection.Prepared(InboxSql.ReadUnprocessed).With("limit", limit).Rows<InboxRow>().Select(r => r.ToEvent())];

    public static void MarkProcessed(DbSession session, long id, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Prepared(InboxSql.MarkProcessed).With("id", id).With("outcome", outcome).With("at", UnixTime.ToMs(at)).Run();
    }

    public static void MarkPoisoned(DbSession session, long id, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Connection.Execute(InboxSql.MarkPoisoned, new { id, reason, at = UnixTime.ToMs(at) }, session.Transaction);
    }

    public static InboxBacklog CountBacklog(SqliteConnection connection) =>
        connection.QuerySingle<InboxBacklog>(InboxSql.CountBacklog);

    private sealed record InboxRow(long Id, string Server, string Kind, string Source, long ReceivedAt, string Payload, long Severity)
    {
        public InboxEvent ToEvent() => new(Id, Server, Enum.Parse<EventKind>(Kind, ignoreCase: true), Source, UnixTime.FromMs(ReceivedAt), Payload) { Severity = (int)Severity };
    }
}
