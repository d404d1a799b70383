using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Paging;

/// <summary>Reads and writes escalation chains; writes run in the caller's session.</summary>
public static class EscalationStore
{
    /// <summary>Starts a ticket's chain at <paramref name="startedAt"/>; false when the ticket has one already.</summary>
    public static bool Start(DbSession session, long ticketId, SupportLevel level, string team, DateTimeOffset startedAt, DateTimeOffset? heldUntil, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Prepared(EscalationSql.Insert)
            .With("ticketId", ticketId)
            .With("level", (int)level)
            .With("team", team)
            .With("startedAt", UnixTime.ToMs(startedAt))
            .With("heldUntil", UnixTime.ToMs(heldUntil))
            .With("now", UnixTime.ToMs(now))
            .Run() == 1;
    }

    public static Escalation? Find(SqliteConnection connection, long ticketId, SqliteTransaction? transaction = null) =>
        connection.Prepared(EscalationSql.Find, transaction).With("ticketId", ticketId).SingleOrDefault<Row>() is { } row ? Map(row) : null;

    /// <summary>Active chains whose next step is due by <paramref name="now"/>.</summary>
    public static IReadOnlyList<Escalation> ListDue(SqliteConnection connection, DateTimeOffset now, int limit) =>
        [.. connection.Query<Row>(EscalationSql.ListDue, new { now = UnixTime.ToMs(now), limit }).Select(Map)];

    /// <summary>Ids of open tickets opened since <paramref name="since"/> that page but have no chain (opened outside the pipeline).</summary>
    public static IReadOnlyList<long> ListTicketsWithoutChain(SqliteConnection connection, DateTimeOffset since, int limit) =>
        [.. connection.Query<long>(EscalationSql.ListWithoutChain, new { since = UnixTime.ToMs(since), limit })];

    /// <summary>Hard limits escalated by the SLA watcher since <paramref name="since"/> whose manager is still to be paged: ticket id and the deadline.</summary>
    public static IReadOnlyList<(long TicketId, DateTimeOffset DueAt)> ListHardLimitsToPage(SqliteConnection connection, DateTimeOffset since, int limit) =>
        [.. connection.Query<(long TicketId, long DueAt)>(EscalationSql.ListHardLimitsToPage, new { since = UnixTime.ToMs(since), limit })
            .Select(r => (r.TicketId, UnixTime.FromMs(r.DueAt)))];

    /// <summary>Moves the chain to <paramref name="nextStep"/> at <paramref name="nextAt"/>, or ends it (done) when null.</summary>
    public static void Advance(DbSession session, long ticketId, int nextStep, DateTimeOffset? nextAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Prepared(EscalationSql.Advance)
            .With("ticketId", ticketId)
            .With("nextStep", nextStep)
            .With("nextAt", UnixTime.ToMs(nextAt))
            .With("state", nextAt is null ? "done" : "active")
            .With("now", UnixTime.ToMs(now))
            .Run();
    }

    /// <summary>Stops the chain; false when it was not active.</summary>
    public static bool Stop(DbSession session, long ticketId, string reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Prepared(EscalationSql.Stop).With("ticketId", ticketId).With("reason", reason).With("now", UnixTime.ToMs(now)).Run() == 1;
    }

    private static Escalation Map(Row r) => new(
        r.TicketId, (SupportLevel)r.Level, r.Team, UnixTime.FromMs(r.StartedAt), (int)r.NextStep,
        UnixTime.FromMs(r.NextAt), r.State, r.StopReason, UnixTime.FromMs(r.HeldUntil));

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed class Row
    {
        public long TicketId { get; set; }
        public long Level { get; set; }
        public string Team { get; set; } = "";
        public long StartedAt { get; set; }
        public long NextStep { get; set; }
        public long? NextAt { get; set; }
        public string State { get; set; } = "";
        public string? StopReason { get; set; }
        public long? HeldUntil { get; set; }
    }
#pragma warning restore CA1812
}
