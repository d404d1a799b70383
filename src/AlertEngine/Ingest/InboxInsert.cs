using AlertEngine.Storage;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Ingest;

/// <summary>
/// The intake hot path: one INSERT prepared once for a connection and reused for every batch
/// (plain ADO.NET; Dapper would prepare it again per call).
/// </summary>
public sealed class InboxInsert : IDisposable
{
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _server;
    private readonly SqliteParameter _eventId;
    private readonly SqliteParameter _updateKey;
    private readonly SqliteParameter _kind;
    private readonly SqliteParameter _severity;
    private readonly SqliteParameter _triggerId;
    private readonly SqliteParameter _source;
    private readonly SqliteParameter _receivedAt;
    private readonly SqliteParameter _payload;

    public InboxInsert(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        _command = connection.CreateCommand();
        _command.CommandText = InboxSql.InsertEvent;
        _server = _command.Parameters.Add("@server", SqliteType.Text);
        _eventId = _command.Parameters.Add("@eventId", SqliteType.Text);
        _updateKey = _command.Parameters.Add("@updateKey", SqliteType.Text);
        _kind = _command.Parameters.Add("@kind", SqliteType.Text);
        _severity = _command.Parameters.Add("@severity", SqliteType.Integer);
        _triggerId = _command.Parameters.Add("@triggerId", SqliteType.Text);
        _source = _command.Parameters.Add("@source", SqliteType.Text);
        _receivedAt = _command.Parameters.Add("@receivedAt", SqliteType.Integer);
        _payload = _command.Parameters.Add("@payload", SqliteType.Text);
    }

    /// <summary>Inserts the events inside <paramref name="transaction"/>; for each, whether it was new.</summary>
    public IntakeResult[] Run(SqliteTransaction transaction, IReadOnlyList<IncomingEvent> events, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(events);
        _command.Transaction = transaction;
        _receivedAt.Value = UnixTime.ToMs(receivedAt);
        var results = new IntakeResult[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            _server.Value = e.Key.Server;
            _eventId.Value = e.Key.EventId;
            _updateKey.Value = e.Key.UpdateKey;
            _kind.Value = e.Kind.ToName();
            _severity.Value = e.Severity;
            _triggerId.Value = e.TriggerId;
            _source.Value = e.Source;
            _payload.Value = e.Payload;
            results[i] = _command.ExecuteNonQuery() == 1 ? IntakeResult.Accepted : IntakeResult.Duplicate;
        }

        return results;
    }

    public void Dispose() => _command.Dispose();
}
