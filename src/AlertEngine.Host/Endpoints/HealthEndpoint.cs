using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Paging;
using AlertEngine.Watch;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Endpoints;

/// <summary>
/// <c>GET /healthz</c>: 200 when the database is writable, 503 otherwise; also reports the
/// configuration (validated at start: an engine with bad configuration does not run), the
/// inbox backlog, the events set aside as poisoned, each Zabbix server (its API, last webhook,
/// last poll, an open "monitoring blind" ticket: <c>degraded</c> while one needs attention), and warnings that need an operator
/// (e.g. a Zabbix server whose event times run ahead: a media user not on UTC; a business calendar
/// whose holiday files do not cover the next 30 days). Warnings do not make the status degraded.
/// </summary>
internal static class HealthEndpoint
{
    public static void MapHealth(this WebApplication app) => app.MapGet("/healthz", Check);

    private static async Task<IResult> Check(InboxHealth inbox, IOptions<ZabbixOptions> zabbix, EventClockMonitor clocks, RuleSetProvider rules, CalendarCoverageWatch calendar, ZabbixStatusReader servers, IPageGateway pager, CancellationToken cancellationToken)
    {
        var report = await inbox.CheckAsync(cancellationToken);
        var (status, backlog) = (report.Storage, report.Backlog);

        var ruleStatus = rules.Status;
        var zabbixServers = status.Writable ? servers.Read() : [];
        var body = new
        {
            status = !status.Writable ? "unhealthy" : ruleStatus.Valid && !zabbixServers.Any(z => z.NeedsAttention) ? "ok" : "degraded",
            storage = new { writable = status.Writable, path = status.DatabasePath, error = status.Error },
            configuration = new { valid = true, zabbixServers = zabbix.Value.Servers.Keys.Order(StringComparer.OrdinalIgnoreCase).ToArray() },
            rules = new
            {
                valid = ruleStatus.Valid,
                source = ruleStatus.Source,
                loadedAt = ruleStatus.LoadedAt,
                rules = ruleStatus.Rules,
                maintenanceWindows = ruleStatus.MaintenanceWindows,
                rejectedAt = ruleStatus.Rejected?.At,
                errors = ruleStatus.Rejected?.Errors.Select(e => e.ToString()).ToArray(),
            },
            zabbix = zabbixServers.Select(z => new
            {
                server = z.Server,
                api = z.Api,
                version = z.Version,
                lastAnswerAt = z.LastAnswerAt,
                failingSince = z.FailingSince,
                lastError = z.LastError,
                lastWebhookAt = z.LastWebhookAt,
                polledAt = z.PolledAt,
                foundAt = z.FoundAt,
                blindTicket = z.BlindTicket,
            }).ToArray(),
            inbox = backlog is null ? null : new { backlog = backlog.Backlog, poisoned = backlog.Poisoned },
            pager = new { mode = pager.Mode },
            warnings = clocks.Warnings.Select(w => w.Message).Append(calendar.Warning).OfType<string>().ToArray(),
        };
        return Results.Json(body, statusCode: status.Writable ? 200 : 503);
    }
}
