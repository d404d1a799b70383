using AlertEngine.Classify;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Paging;
using AlertEngine.Storage;
using AlertEngine.Tickets.Api;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host;

/// <summary>Says once, at start, where the engine listens, where it stores and what it is wired to.</summary>
internal sealed partial class StartupBanner(
    IHostApplicationLifetime lifetime,
    IServer server,
    SqliteConnectionFactory connections,
    IOptions<ZabbixOptions> zabbix,
    ApiTokenAuthenticator apiTokens,
    IPageGateway pager,
    RuleSetProvider rules,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            // A warning, so it is said even when the log shows only warnings.
            if (apiTokens.Names.Count == 0)
            {
                LogNoApiTokens(logger);
            }

            if (!logger.IsEnabled(LogLevel.Information))
            {
                return;
            }

            var addresses = string.Join(", ", server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []);
            var servers = zabbix.Value.Servers.Keys.ToList();
            var names = string.Join(", ", servers);
            LogStarted(logger, addresses, connections.DatabasePath);
            if (servers.Count == 0)
            {
                LogNoServers(logger);
            }
            else
            {
                LogServers(logger, names);
            }

            foreach (var (name, settings) in zabbix.Value.Servers.OrderBy(s => s.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (string.IsNullOrWhiteSpace(settings.Api.Url))
                {
                    LogNoApi(logger, name);
                }
                else
                {
                    LogApi(logger, name, settings.Api.PollInterval, settings.Api.WriteBack ? "on" : "off", settings.Api.BlindAfter);
                }
            }

            var tokenNames = string.Join(", ", apiTokens.Names);
            if (tokenNames.Length > 0)
            {
                LogApiTokens(logger, tokenNames);
            }

            var roster = rules.Current.Roster;
            var teams = string.Join(", ", roster.Teams);
            if (pager.Mode == "twilio")
            {
                LogPagerTwilio(logger, roster.People.Count, teams);
            }
            else
            {
                LogPagerDryRun(logger, roster.People.Count, teams);
            }
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "AlertEngine listening on {Addresses}; database {DatabasePath}")]
    private static partial void LogStarted(ILogger logger, string addresses, string databasePath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No Zabbix server is configured: the webhook answers 404 until Zabbix:Servers:<name>:WebhookSecret is set (see README)")]
    private static partial void LogNoServers(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix servers accepted on /api/v1/zabbix/<name>/events: {Servers}")]
    private static partial void LogServers(ILogger logger, string servers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix {Server}: no API configured (Zabbix:Servers:{Server}:Api:Url): events the webhook misses are not found, nothing is written back")]
    private static partial void LogNoApi(ILogger logger, string server);

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix {Server}: API polled every {PollInterval}, write-back {WriteBack}, 'monitoring blind' ticket after {BlindAfter} without an answer")]
    private static partial void LogApi(ILogger logger, string server, TimeSpan pollInterval, string writeBack, TimeSpan blindAfter);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No API token is configured: the ticket API (/api/v1/tickets) answers 401 until Api:Tokens:<name> is set (see README)")]
    private static partial void LogNoApiTokens(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket API tokens accepted (names only): {TokenNames}")]
    private static partial void LogApiTokens(ILogger logger, string tokenNames);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pager: dry-run (pages are stored and logged, nothing is sent until Twilio:AccountSid and Twilio:AuthToken are set); roster: {People} people, teams {Teams}")]
    private static partial void LogPagerDryRun(ILogger logger, int people, string teams);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pager: Twilio; roster: {People} people, teams {Teams}")]
    private static partial void LogPagerTwilio(ILogger logger, int people, string teams);
}
