using AlertEngine.Outbox;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Paging;

/// <summary>
/// Reads and writes pages (outbox rows of kind page.*). Planning runs in the caller's session, in the
/// same transaction as the ticket change or escalation step that needs the page.
/// </summary>
public static class PageStore
{
    /// <summary>Plans a page due at <paramref name="dueAt"/>; false when the same page (dedup key) was planned before.</summary>
    public static bool Add(DbSession session, long ticketId, PageChannel channel, string phone, PagePayload payload, string dedupKey, DateTimeOffset dueAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(payload);
        return session.Prepared(PageSql.Insert)
            .With("kind", channel.ToOutboxKind())
            .With("ticketId", ticketId)
            .With("target", phone)
            .With("payload", payload.Serialize())
            .With("dedupKey", dedupKey)
            .With("dueAt", UnixTime.ToMs(dueAt))
            .With("now", UnixTime.ToMs(now))
            .With("person", payload.PersonId)
            .With("level", (int)payload.Level)
            .Run() == 1;
    }

    /// <summary>
    /// Pages left sending, then pending pages due by <paramref name="now"/>, the most severe first, then oldest first;
    /// at most <see cref="PageSql.ListDueLimit"/> (100). Read outside any transaction.
    /// </summary>
    public static IReadOnlyList<PageRow> ListDue(SqliteConnection connection, DateTimeOffset now) =>
        [.. connection.Prepared(PageSql.ListDue).With("now", UnixTime.ToMs(now)).Rows<Row>().Select(Map)];

    public static PageRow? Find(SqliteConnection connection, long id, SqliteTransaction? transaction = null) =>
        connection.QuerySingleOrDefault<Row>(PageSql.Find, new { id }, transaction) is { } row ? Map(row) : null;

    public static IReadOnlyList<PageRow> ListByProvider(SqliteConnection connection, string providerId, SqliteTransaction? transaction = null) =>
        [.. connection.Query<Row>(PageSql.ListByProvider, new { providerId }, transaction).Select(Map)];

    public static IReadOnlyList<PageRow> ListByTicket(SqliteConnection connection, long ticketId) =>
        [.. connection.Query<Row>(PageSql.ListByTicket, new { ticketId }).Select(Map)];

    /// <summary>Pages to <paramref name="phone"/> whose ticket is still open, newest first.</summary>
    public static IReadOnlyList<PageRow> ListOpenForPhone(SqliteConnection connection, string phone, SqliteTransaction? transaction = null) =>
        [.. connection.Query<Row>(PageSql.ListOpenForPhone, new { phone }, transaction).Select(Map)];

    /// <summary>Marks a page sending with its text, counting the attempt; false when it is no longer pending or sending.</summary>
    public static bool MarkSending(DbSession session, long id, string body, long? bundledInto)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Prepared(PageSql.MarkSending).With("id", id).With("body", body).With("bundledInto", bundledInto).Run() == 1;
    }

    /// <summary>Records a page sent, failed or cancelled.</summary>
    public static void Finish(DbSession session, long id, OutboxState state, DateTimeOffset? sentAt, string? error, string? providerId)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Prepared(PageSql.Finish).With("id", id).With("state", state.ToName()).With("sentAt", UnixTime.ToMs(sentAt))
            .With("error", error).With("providerId", providerId).Run();
    }

    /// <summary>Leaves a page sending, its outcome unknown, to be checked again at <paramref name="nextAt"/>.</summary>
    public static void Defer(DbSession session, long id, DateTimeOffset nextAt, string error)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Prepared(PageSql.Defer).With("id", id).With("nextAt", UnixTime.ToMs(nextAt)).With("error", error).Run();
    }

    /// <summary>Puts a page back to pending until <paramref name="nextAt"/>.</summary>
    public static void Postpone(DbSession session, long id, DateTimeOffset nextAt, string error)
    {
        ArgumentNullException.ThrowIfNull(session);
        session.Prepared(PageSql.Postpone).With("id", id).With("nextAt", UnixTime.ToMs(nextAt)).With("error", error).Run();
    }

    /// <summary>How many sends of <paramref name="channel"/> reached <paramref name="phone"/> since <paramref name="since"/>, and the earliest.</summary>
    public static (int Count, DateTimeOffset? Earliest) CountSentSince(SqliteConnection connection, string phone, PageChannel channel, DateTimeOffset since)
    {
        var row = connection.QuerySingle<(long Count, long? Earliest)>(PageSql.CountSentSince, new { phone, kind = channel.ToOutboxKind(), since = UnixTime.ToMs(since) });
        return ((int)row.Count, UnixTime.FromMs(row.Earliest));
    }

    /// <summary>The Twilio ids our recorded sends of <paramref name="channel"/> to <paramref name="phone"/> carry, for pages planned since <paramref name="since"/>.</summary>
    public static IReadOnlySet<string> ListClaimed(SqliteConnection connection, string phone, PageChannel channel, DateTimeOffset since) =>
        connection.Query<string>(PageSql.ListClaimed, new { phone, kind = channel.ToOutboxKind(), since = UnixTime.ToMs(since) }).ToHashSet(StringComparer.Ordinal);

    /// <summary>Records the delivery status Twilio reported; returns how many pages it covered.</summary>
    public static int SetDelivery(DbSession session, string providerId, string status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.Execute(PageSql.SetDelivery, new { providerId, status, at = UnixTime.ToMs(at) }, session.Transaction);
    }

    /// <summary>Records a callback from Twilio by its identity; false when it was seen before (a redelivery).</summary>
    public static bool RecordCallback(DbSession session, string key, string outcome, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.Connection.Execute(PageSql.InsertCallback, new { key, at = UnixTime.ToMs(at), outcome }, session.Transaction) == 1;
    }

    /// <summary>What a callback seen before did, or null when it is new.</summary>
    public static string? FindCallback(SqliteConnection connection, string key) =>
        connection.QuerySingleOrDefault<string>(PageSql.FindCallback, new { key });

    private static PageRow Map(Row r) => new(OutboxStore.Map(r), PagePayload.Deserialize(r.Payload), r.Body, r.ProviderId, r.BundledInto, r.DeliveryStatus);

#pragma warning disable CA1812 // Instantiated by Dapper.
    private sealed class Row : OutboxStore.OutboxRow
    {
        public string? Body { get; set; }
        public string? ProviderId { get; set; }
        public long? BundledInto { get; set; }
        public string? DeliveryStatus { get; set; }
    }
#pragma warning restore CA1812
}
