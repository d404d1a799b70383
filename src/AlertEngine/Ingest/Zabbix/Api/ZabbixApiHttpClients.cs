using Microsoft.Extensions.Http;
using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// Configures each server's named HttpClient (<see cref="ZabbixApiClients.HttpClientName"/>): base
/// address from <c>Api:Url</c>, no HttpClient timeout (the Polly timeout, <c>Api:Timeout</c>,
/// governs every attempt), and pooled connections renewed every few minutes so a long-lived
/// client follows DNS changes.
/// </summary>
internal sealed class ZabbixApiHttpClients(IOptionsMonitor<ZabbixOptions> zabbix) : IConfigureNamedOptions<HttpClientFactoryOptions>
{
    /// <summary>How long a pooled connection is reused before a fresh one (and a fresh DNS lookup).</summary>
    public static readonly TimeSpan ConnectionLifetime = TimeSpan.FromMinutes(5);

    public void Configure(string? name, HttpClientFactoryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (ZabbixApiClients.ServerOf(name) is not { } server
            || !zabbix.CurrentValue.Servers.TryGetValue(server, out var settings)
            || string.IsNullOrWhiteSpace(settings?.Api?.Url))
        {
            return;
        }

        var address = ZabbixApiClients.Address(settings.Api.Url);
        options.HttpClientActions.Add(client =>
        {
            client.BaseAddress = address;
            client.Timeout = Timeout.InfiniteTimeSpan;
        });
        options.HttpMessageHandlerBuilderActions.Add(builder => builder.PrimaryHandler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = ConnectionLifetime,
            ConnectTimeout = settings.Api.Timeout,
        });
    }

    public void Configure(HttpClientFactoryOptions options) => Configure(Options.DefaultName, options);
}
