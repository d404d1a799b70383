using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Extensions.Options;

namespace AlertEngine.Watch;

/// <summary>
/// How the engine sees one Zabbix server, for <c>/healthz</c>: its API (<c>off</c> when none is
/// configured, <c>ok</c>, <c>unreachable</c>, or <c>unknown</c> before the first call), the last
/// webhook, the poller's last run and find, and the open "monitoring blind" ticket if any.
/// </summary>
public sealed record ZabbixServerStatus(
    string Server,
    string Api,
    string? Version,
    DateTimeOffset? LastAnswerAt,
    DateTimeOffset? FailingSince,
    string? LastError,
    DateTimeOffset? LastWebhookAt,
    DateTimeOffset? PolledAt,
    DateTimeOffset? FoundAt,
    string? BlindTicket)
{
    /// <summary>True when an operator should look: the API does not answer, or a blind ticket is open.</summary>
    public bool NeedsAttention => Api == "unreachable" || BlindTicket is not null;
}

/// <summary>Reads <see cref="ZabbixServerStatus"/> for every configured server.</summary>
public sealed class ZabbixStatusReader(IZabbixApiClients clients, IOptions<ZabbixOptions> options, WebhookActivity webhooks, SqliteConnectionFactory connections)
{
    public IReadOnlyList<ZabbixServerStatus> Read()
    {
        using var connection = connections.Open();
        var statuses = new List<ZabbixServerStatus>();
        foreach (var server in options.Value.Servers.Keys.Order(StringComparer.OrdinalIgnoreCase))
        {
            var api = clients.Find(server);
            var state = api is null ? null : PollStateStore.Find(connection, server);
            var health = api?.Health;
            var apiState = health is null ? "off" : health.Reachable ? "ok" : health.LastAnswerAt is null && health.FailingSince is null ? "unknown" : "unreachable";
            statuses.Add(new ZabbixServerStatus(
                server,
                apiState,
                health?.Version?.ToString(),
                health?.LastAnswerAt,
                health?.FailingSince,
                health?.LastError,
                webhooks.LastAt(server),
                state?.PolledAt,
                state?.FoundAt,
                TicketStore.FindOpenAlertByKey(connection, BlindMonitoringWatch.KeyFor(server))?.Number));
        }

        return statuses;
    }
}
