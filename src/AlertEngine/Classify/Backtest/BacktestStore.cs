using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Classify.Backtest;

/// <summary>Reads what the backtest replays; only reads (the connection is opened read-only by the caller).</summary>
internal static class BacktestStore
{
    /// <summary>The problem events received in [from, to), oldest first, streamed (not buffered) for large windows.</summary>
    public static IEnumerable<StoredProblem> ReadProblems(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        connection.Query<ProblemRow>(BacktestSql.ReadProblems, new { from = UnixTime.ToMs(from), to = UnixTime.ToMs(to) }, buffered: false)
            .Select(r => r.ToProblem());

    /// <summary>How many updates and recoveries arrived in [from, to).</summary>
    public static long CountOthers(SqliteConnection connection, DateTimeOffset from, DateTimeOffset to) =>
        connection.ExecuteScalar<long>(BacktestSql.CountOthers, new { from = UnixTime.ToMs(from), to = UnixTime.ToMs(to) });

    private sealed record ProblemRow(
        long InboxId, string Server, string EventId, long ReceivedAt, string Payload, long? ProcessedAt, string? Outcome,
        long? TicketId, string? TicketNumber, long? Level, string? Customer, string? Team, string? PagePolicy, string? SuppressedBy)
    {
        public StoredProblem ToProblem() => new(InboxId, Server, EventId, UnixTime.FromMs(ReceivedAt), Payload, ProcessedAt is null ? null : Outcome, Ticket());

        private ActualTicket? Ticket() => TicketId is { } id
            ? new ActualTicket(id, TicketNumber, (SupportLevel)(int)(Level ?? 4), Customer, Team,
                PagePolicyNames.TryParse(PagePolicy, out var page) ? page : null, SuppressedBy is not null)
            : null;
    }
}
