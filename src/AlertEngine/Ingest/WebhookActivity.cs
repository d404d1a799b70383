using System.Collections.Concurrent;
using AlertEngine.Storage;
using Dapper;

namespace AlertEngine.Ingest;

/// <summary>
/// When each Zabbix server last delivered an event by webhook: set by the intake on every
/// accepted body (a dictionary write, nothing on disk), read by the dead-man watch. After a
/// restart the first read of a server asks the inbox once.
/// </summary>
public sealed class WebhookActivity(SqliteConnectionFactory connections)
{
    private readonly ConcurrentDictionary<string, long> _lastAt = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Records a delivery; on the webhook's hot path, so it allocates nothing.</summary>
    public void Seen(string server, DateTimeOffset at) =>
        _lastAt.AddOrUpdate(server, static (_, ms) => ms, static (_, previous, ms) => Math.Max(previous, ms), at.ToUnixTimeMilliseconds());

    /// <summary>The last webhook delivery from the server, or null when it has never sent one.</summary>
    public DateTimeOffset? LastAt(string server)
    {
        if (!_lastAt.TryGetValue(server, out var ms))
        {
            using var connection = connections.Open();
            // Once per server after a start; a scan of the inbox is acceptable that rarely.
            var stored = connection.QuerySingleOrDefault<long?>(InboxSql.LastWebhookAt, new { server, source = EventIntake.WebhookSource });
            ms = _lastAt.GetOrAdd(server, stored ?? -1);
        }

        return ms < 0 ? null : UnixTime.FromMs(ms);
    }
}
