using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlertEngine.IntegrationTests.Ingest.Zabbix.Api;

/// <summary>
/// Builds a <see cref="ZabbixServerApi"/> named "main" against a <see cref="ZabbixMock"/>, with
/// short timeouts and delays so that failure tests stay fast; disposes what it built.
/// </summary>
internal sealed class ZabbixApiClientFactory : IDisposable
{
    public const string Token = "tok-5f1c9a7e3b2d4c6a8e0f1a2b3c4d5e6f";
    public const string Password = "pw-9d8c7b6a5f4e3d2c";

    private readonly List<IDisposable> _owned = [];

    public EngineMetrics Metrics { get; } = new();

    /// <summary>
    /// Token auth, Timeout 10 s, 2 read retries 10 ms apart, breaker 0.5 s; <paramref name="change"/> adjusts. The timeout
    /// is generous because the mock answers at once: with 2 s, a loaded 2-core CI machine once timed a call out and the
    /// retry asked for the version twice. Tests of timeouts set their own.
    /// </summary>
    public ZabbixServerApi Create(ZabbixMock zabbix, Action<ZabbixApiOptions>? change = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(zabbix);
        var options = new ZabbixApiOptions
        {
            Url = zabbix.Url,
            Token = Token,
            Timeout = TimeSpan.FromSeconds(10),
            ReadRetries = 2,
            RetryDelay = TimeSpan.FromMilliseconds(10),
            BreakDuration = TimeSpan.FromMilliseconds(500),
        };
        change?.Invoke(options);
        var http = new HttpClient { BaseAddress = ZabbixApiClients.Address(options.Url!), Timeout = Timeout.InfiniteTimeSpan };
        var api = ZabbixServerApi.Create("main", options, http, time ?? TimeProvider.System, Metrics, NullLogger.Instance);
        _owned.Add(http);
        _owned.Add(api);
        return api;
    }

    /// <summary>User and password instead of a token.</summary>
    public ZabbixServerApi CreateWithLogin(ZabbixMock zabbix, Action<ZabbixApiOptions>? change = null) =>
        Create(zabbix, o =>
        {
            (o.Token, o.User, o.Password) = (null, "alertengine", Password);
            change?.Invoke(o);
        });

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
