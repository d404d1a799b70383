using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Outbox;

/// <summary>
/// Reads and writes outbox rows. Planning (<see cref="Add"/>) runs in the caller's session, in
/// the same transaction as the ticket change that needs the call; reads may use any connection.
/// </summary>
public static class OutboxStore
{
    /// <summary>Plans a call, due now; false when the same call (dedup key) was planned before.</summary>
    public static bool Add(DbSession session, NewOutboxMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(message);
        return session.Connection.Execute(OutboxSql.Insert, new
        {
            kind = message.Kind,
            ticketId = message.TicketId,
            target = message.Target,
            payload = message.Payload,
            dedupKey = message.DedupKey,
            now = UnixTime.ToMs(now),
        }, session.Transaction) == 1;
    }

    /// <summary>Rows left sending, then pending rows due by <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<OutboxMessage> ListDue(SqliteConnection connection, DateTimeOffset now, int limit) =>
        [.. connection.Query<OutboxRow>(OutboxSql.ListDue, new { now = UnixTime.ToMs(now), limit }).Select(Map)];

    public static OutboxMessage? Find(SqliteConnection connection, long id) =>
        connection.QuerySingleOrDefault<OutboxRow>(OutboxSql.Find, new { id }) is { } row ? Map(row) : null;

    public static IReadOnlyList<OutboxMessage> ListByTicket(SqliteConnection connection, long ticketId) =>
        [.. connection.Query<OutboxRow>(OutboxSql.ListByTicket, new { ticketId }).Select(Map)];

    /// <summary>Marks the row sending and counts the attempt; false when it is no longer pending or sending.</summary>
    public static bool MarkSending(DbSession session, long id)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.Execute(OutboxSql.MarkSending, new { id }, session.Transaction) == 1;
    }

    /// <summary>Records the row sent, failed or cancelled.</summary>
    public static void Finish(DbSession session, long id, OutboxState state, DateTimeOffset? sentAt, string? error)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Connection.Execute(OutboxSql.Finish, new { id, state = state.ToName(), sentAt = UnixTime.ToMs(sentAt), error }, session.Transaction);
    }

    /// <summary>Puts the row back to pending until <paramref name="nextAt"/>.</summary>
    public static void Postpone(DbSession session, long id, DateTimeOffset nextAt, string error)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Connection.Execute(OutboxSql.Postpone, new { id, nextAt = UnixTime.ToMs(nextAt), error }, session.Transaction);
    }

    /// <summary>An outbox row as read by Dapper, mapped to the message the senders see (also for pages, Paging/PageStore).</summary>
    internal static OutboxMessage Map(OutboxRow r) => new()
    {
        Id = r.Id,
        Kind = r.Kind,
        TicketId = r.TicketId,
        Target = r.Target,
        Payload = r.Payload,
        DedupKey = r.DedupKey,
        State = Enum.Parse<OutboxState>(r.State, ignoreCase: true),
        Attempts = (int)r.Attempts,
        NextAttemptAt = UnixTime.FromMs(r.NextAttemptAt),
        CreatedAt = UnixTime.FromMs(r.CreatedAt),
        SentAt = UnixTime.FromMs(r.SentAt),
        LastError = r.LastError,
    };

#pragma warning disable CA1812 // Instantiated by Dapper.
    /// <summary>An outbox row's columns as Dapper reads them (pages read more: Paging/PageStore).</summary>
    internal class OutboxRow
    {
        public long Id { get; set; }
        public string Kind { get; set; } = "";
        public long? TicketId { get; set; }
        public string Target { get; set; } = "";
        public string Payload { get; set; } = "";
        public string DedupKey { get; set; } = "";
        public string State { get; set; } = "";
        public long Attempts { get; set; }
        public long NextAttemptAt { get; set; }
        public long CreatedAt { get; set; }
        public long? SentAt { get; set; }
        public string? LastError { get; set; }
    }
#pragma warning restore CA1812
}
