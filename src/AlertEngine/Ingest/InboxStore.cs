using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Ingest;

/// <summary>Reads and writes the inbox table. Runs only inside the caller's connection or session.</summary>
public static class InboxStore
{
    /// <summary>
    /// Inserts a batch with one prepared command inside the caller's transaction; returns for
    /// each event whether it was new. The hot path of intake, hence plain ADO.NET.
    /// </summary>
    public static IntakeResult[] InsertBatch(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<IncomingEvent> events, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(events);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = InboxSql.InsertEvent;
        var server = command.Parameters.Add("@server", SqliteType.Text);
        var eventId = command.Parameters.Add("@eventId", SqliteType.Text);
        var updateKey = command.Parameters.Add("@updateKey", SqliteType.Text);
        var kind = command.Parameters.Add("@kind", SqliteType.Text);
        var severity = command.Parameters.Add("@severity", SqliteType.Integer);
        var triggerId = command.Parameters.Add("@triggerId", SqliteType.Text);
        var source = command.Parameters.Add("@source", SqliteType.Text);
        var received = command.Parameters.Add("@receivedAt", SqliteType.Integer);
        var payload = command.Parameters.Add("@payload", SqliteType.Text);
        command.Prepare();

        received.Value = UnixTime.ToMs(receivedAt);
        var results = new IntakeResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            server.Value = e.Key.Server;
            eventId.Value = e.Key.EventId;
            updateKey.Value = e.Key.UpdateKey;
            kind.Value = e.Kind.ToName();
            severity.Value = e.Severity;
            triggerId.Value = e.TriggerId;
            source.Value = e.Source;
            payload.Value = e.Payload;
            results[i] = command.ExecuteNonQuery() == 1 ? IntakeResult.Accepted : IntakeResult.Duplicate;
        }

        return results;
    }

    public static IReadOnlyList<InboxEvent> ReadUnprocessed(SqliteConnection connection, int limit) =>
        [.. connection.Query<InboxRow>(InboxSql.ReadUnprocessed, new { limit }).Select(r => r.ToEvent())];

    public static void MarkProcessed(DbSession session, long id, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Connection.Execute(InboxSql.MarkProcessed, new { id, outcome, at = UnixTime.ToMs(at) }, session.Transaction);
    }

    public static void MarkPoisoned(DbSession session, long id, string reason, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Connection.Execute(InboxSql.MarkPoisoned, new { id, reason, at = UnixTime.ToMs(at) }, session.Transaction);
    }

    public static InboxBacklog CountBacklog(SqliteConnection connection) =>
        connection.QuerySingle<InboxBacklog>(InboxSql.CountBacklog);

    private sealed record InboxRow(long Id, string Server, string Kind, string Source, long ReceivedAt, string Payload)
    {
        public InboxEvent ToEvent() => new(Id, Server, Enum.Parse<EventKind>(Kind, ignoreCase: true), Source, UnixTime.FromMs(ReceivedAt), Payload);
    }
}
