using AlertEngine.Ingest;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>One stored inbox row, as far as a fuzz run cares.</summary>
internal sealed record InboxRow(long Id, string Payload, bool Processed, string? PoisonedReason);

/// <summary>One ticket timeline line: which ticket, and which inbox event wrote it.</summary>
internal sealed record TimelineRow(long Id, long TicketId, long? InboxId);

/// <summary>
/// Everything the webhook and the pipeline write (inbox, tickets, their events and timelines),
/// read straight from the database file, to prove what a burst of requests changed.
/// </summary>
internal sealed record DatabaseSnapshot(
    IReadOnlyDictionary<InboxKey, InboxRow> Inbox,
    IReadOnlyDictionary<long, string> Tickets,
    IReadOnlyList<string> TicketEvents,
    IReadOnlyList<TimelineRow> Timeline)
{
    /// <summary>
    /// The SLA watcher's timeline lines (breaches and escalations at deadlines) and the pager's
    /// (escalation steps, pages sent, held, retried) come from jobs on their own clocks, not from
    /// requests or events; so do the breach marks the watcher sets on tickets.
    /// </summary>
    public const string NotFromJobs = "kind NOT IN ('sla-breach', 'sla-escalation', 'escalation') AND kind NOT LIKE 'page-%'";

    private static IDictionary<string, object?> WithoutJobColumns(IDictionary<string, object?> row)
    {
        row.Remove("respond_state");
        row.Remove("resolve_state");
        return row;
    }

    public static DatabaseSnapshot Take(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False");
        connection.Open();
        var inbox = connection.Query<(string Server, string EventId, string UpdateKey, long Id, string Payload, long? ProcessedAt, string? PoisonedReason)>(
            "SELECT zabbix_server, event_id, update_key, id, payload, processed_at, poisoned_reason FROM inbox");
        return new DatabaseSnapshot(
            inbox.ToDictionary(r => new InboxKey(r.Server, r.EventId, r.UpdateKey), r => new InboxRow(r.Id, r.Payload, r.ProcessedAt is not null, r.PoisonedReason)),
            connection.Query("SELECT * FROM tickets").Cast<IDictionary<string, object?>>().ToDictionary(r => (long)r["id"]!, r => Describe(WithoutJobColumns(r))),
            [.. connection.Query("SELECT * FROM ticket_events ORDER BY zabbix_server, event_id").Cast<IDictionary<string, object?>>().Select(Describe)],
            [.. connection.Query<TimelineRow>($"SELECT id AS Id, ticket_id AS TicketId, inbox_id AS InboxId FROM ticket_timeline WHERE {NotFromJobs} ORDER BY id")]);
    }

    /// <summary>What changed between two snapshots, one line per difference (empty when nothing did).</summary>
    public IEnumerable<string> DifferencesFrom(DatabaseSnapshot before)
    {
        ArgumentNullException.ThrowIfNull(before);
        foreach (var key in Inbox.Keys.Union(before.Inbox.Keys).Where(k => !Equals(Inbox.GetValueOrDefault(k), before.Inbox.GetValueOrDefault(k))))
        {
            yield return $"inbox row {key} changed";
        }

        foreach (var id in Tickets.Keys.Union(before.Tickets.Keys).Where(id => Tickets.GetValueOrDefault(id) != before.Tickets.GetValueOrDefault(id)))
        {
            yield return $"ticket {id} changed: {before.Tickets.GetValueOrDefault(id)} -> {Tickets.GetValueOrDefault(id)}";
        }

        if (!TicketEvents.SequenceEqual(before.TicketEvents))
        {
            yield return $"ticket events changed: {before.TicketEvents.Count} rows -> {TicketEvents.Count} rows";
        }

        if (!Timeline.SequenceEqual(before.Timeline))
        {
            yield return $"ticket timelines changed: {before.Timeline.Count} rows -> {Timeline.Count} rows";
        }
    }

    private static string Describe(IDictionary<string, object?> row) => string.Join("|", row.Select(c => $"{c.Key}={c.Value}"));
}
