using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Watch;

/// <summary>
/// Watches the watcher: for each Zabbix server with an API, gathers what
/// <see cref="BlindMonitoringDecision"/> needs (the API's health, the last webhook, the poller's
/// last find, and — only when the dead-man watch is suspicious — Zabbix's newest event) and opens
/// or resolves the L1 ticket "monitoring blind: {server}". The ticket pages like any L1.
/// </summary>
public sealed partial class BlindMonitoringWatch(
    IZabbixApiClients clients,
    IOptionsMonitor<ZabbixOptions> options,
    WebhookActivity webhooks,
    RuleSetProvider rules,
    SqliteConnectionFactory connections,
    WriteGate gate,
    TimeProvider time,
    EngineMetrics metrics,
    BlindMonitoringMetrics blindMetrics,
    ILogger<BlindMonitoringWatch> logger)
{
    /// <summary>Who the timeline says did it.</summary>
    public const string Actor = "AlertEngine";

    /// <summary>The timeline channel of the watch's entries.</summary>
    public const string Channel = "watch";

    public static string TitleFor(string server) => $"monitoring blind: {server}";

    public static string KeyFor(string server) => $"monitoring-blind:{server}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var server in clients.Servers)
        {
            var api = clients.Find(server);
            if (api is null || !options.CurrentValue.Servers.TryGetValue(server, out var settings))
            {
                continue;
            }

            await WatchAsync(api, settings.Api, cancellationToken);
        }
    }

    /// <summary>One server: decide, then open or resolve the self-alert.</summary>
    public async Task<BlindVerdict> WatchAsync(IZabbixServerApi api, ZabbixApiOptions settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(settings);
        var server = api.Server;
        Ticket? open;
        DateTimeOffset? lastFound;
        using (var connection = connections.Open())
        {
            open = TicketStore.FindOpenAlertByKey(connection, KeyFor(server));
            lastFound = PollStateStore.Find(connection, server)?.FoundAt;
        }

        var inputs = new BlindMonitoringInputs(server, api.Health, settings.BlindAfter, settings.DeadManAfter, time.GetUtcNow(),
            webhooks.LastAt(server), lastFound, ZabbixLastEventAt: null, TicketOpen: open is not null);
        if (BlindMonitoringDecision.NeedsZabbixActivity(inputs))
        {
            inputs = inputs with { ZabbixLastEventAt = await ZabbixLastEventAtAsync(api, cancellationToken) };
        }

        var verdict = BlindMonitoringDecision.Decide(inputs);
        blindMetrics.Set(server, verdict.Action == BlindAction.Open || (open is not null && verdict.Action != BlindAction.Resolve));
        switch (verdict.Action)
        {
            case BlindAction.Open:
                await OpenAsync(server, verdict.Reason, cancellationToken);
                break;
            case BlindAction.Resolve:
                await ResolveAsync(open!, verdict.Reason, cancellationToken);
                break;
        }

        return verdict;
    }

    private static async Task<DateTimeOffset?> ZabbixLastEventAtAsync(IZabbixServerApi api, CancellationToken cancellationToken)
    {
        try
        {
            var latest = await api.GetLatestEventIdAsync(cancellationToken);
            if (latest is null)
            {
                return null;
            }

            var id = latest.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var clocks = await api.GetEventClocksAsync([id], cancellationToken);
            return clocks.TryGetValue(id, out var at) ? at : null;
        }
        catch (ZabbixApiException)
        {
            // The API's health records the failure; the blind check sees it on the next run.
            return null;
        }
    }

    private async Task OpenAsync(string server, string reason, CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        Ticket opened;
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            if (TicketStore.FindOpenAlertByKey(session, KeyFor(server)) is not null)
            {
                return;
            }

            opened = TicketStore.OpenAlert(session, new NewAlert(
                SupportLevel.L1, Customer: null, rules.Current.Settings.DefaultTeam, TitleFor(server), server, TriggerId: "monitoring-blind",
                Host: server, HostName: null, Severity: 5, KeyFor(server), now)
            {
                Rule = "self-alert: monitoring blind",
            }, now);
            TicketStore.AddTimeline(session, opened.Id, new TimelineEntry(now, "opened", Actor, Channel, $"Opened L1: {reason}"), inboxId: null);
            transaction.Commit();
        }

        metrics.TicketOpened(nameof(TicketType.ALERT), nameof(SupportLevel.L1));
        LogOpened(logger, opened.Number, server, reason);
    }

    private async Task ResolveAsync(Ticket ticket, string reason, CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            var session = new DbSession(connection, transaction);
            var now = time.GetUtcNow();
            TicketStore.Resolve(session, ticket.Id, Actor, now);
            TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(now, "resolved", Actor, Channel, reason), inboxId: null);
            transaction.Commit();
        }

        metrics.TicketResolved(nameof(TicketType.ALERT));
        LogResolved(logger, ticket.Number, ticket.ZabbixServer ?? "", reason);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticket {TicketNumber} opened: monitoring blind on Zabbix {Server}: {Reason}")]
    private static partial void LogOpened(ILogger logger, string ticketNumber, string server, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketNumber} resolved: Zabbix {Server} is watched again: {Reason}")]
    private static partial void LogResolved(ILogger logger, string ticketNumber, string server, string reason);
}
