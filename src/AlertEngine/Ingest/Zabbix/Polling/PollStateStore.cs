using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>Reads and saves the poller's state, and what it must follow up.</summary>
public static class PollStateStore
{
    public static ZabbixPollState? Find(SqliteConnection connection, string server)
    {
        var row = connection.QuerySingleOrDefault<Row>(PollSql.FindState, new { server });
        return row is null
            ? null
            : new ZabbixPollState(row.Server, row.LastEventId, UnixTime.FromMs(row.LastUpdateAt), UnixTime.FromMs(row.PolledAt),
                UnixTime.FromMs(row.FoundAt), UnixTime.FromMs(row.BackfilledAt));
    }

    public static void Save(DbSession session, ZabbixPollState state)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(state);
        session.Connection.Execute(PollSql.SaveState, new
        {
            server = state.Server,
            lastEventId = state.LastEventId,
            lastUpdateAt = UnixTime.ToMs(state.LastUpdateAt),
            polledAt = UnixTime.ToMs(state.PolledAt),
            foundAt = UnixTime.ToMs(state.FoundAt),
            backfilledAt = UnixTime.ToMs(state.BackfilledAt),
        }, session.Transaction);
    }

    public static IReadOnlyList<string> ListUnrecoveredEvents(SqliteConnection connection, string server) =>
        [.. connection.Query<string>(PollSql.ListUnrecoveredEvents, new { server })];

    public static string? FindProblemBody(SqliteConnection connection, string server, string eventId) =>
        connection.QuerySingleOrDefault<string>(PollSql.FindProblemBody, new { server, eventId });

    private sealed class Row
    {
        public string Server { get; set; } = "";
        public long LastEventId { get; set; }
        public long? LastUpdateAt { get; set; }
        public long PolledAt { get; set; }
        public long? FoundAt { get; set; }
        public long? BackfilledAt { get; set; }
    }
}
