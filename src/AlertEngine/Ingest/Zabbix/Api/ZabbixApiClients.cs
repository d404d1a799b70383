using System.Collections.Frozen;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// One <see cref="ZabbixServerApi"/> per configured server with an <c>Api:Url</c>, each over its
/// own named <see cref="HttpClient"/> (<see cref="HttpClientName"/>) from <see cref="IHttpClientFactory"/>.
/// </summary>
internal sealed class ZabbixApiClients : IZabbixApiClients, IDisposable
{
    private const string HttpClientPrefix = "ZabbixApi:";

    private readonly FrozenDictionary<string, IZabbixServerApi> _clients;

    public ZabbixApiClients(IOptions<ZabbixOptions> options, IHttpClientFactory httpClients, TimeProvider time, EngineMetrics metrics, ILoggerFactory loggers)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(httpClients);
        var logger = loggers.CreateLogger<ZabbixServerApi>();
        _clients = options.Value.Servers
            .Where(s => !string.IsNullOrWhiteSpace(s.Value?.Api?.Url))
            .ToFrozenDictionary(
                s => s.Key,
                s => (IZabbixServerApi)ZabbixServerApi.Create(s.Key, s.Value.Api, httpClients.CreateClient(HttpClientName(s.Key)), time, metrics, logger),
                StringComparer.OrdinalIgnoreCase);
        Servers = [.. _clients.Keys.Order(StringComparer.OrdinalIgnoreCase)];
    }

    public IReadOnlyList<string> Servers { get; }

    public IZabbixServerApi? Find(string server) => _clients.GetValueOrDefault(server);

    public void Dispose()
    {
        foreach (var client in _clients.Values.OfType<IDisposable>())
        {
            client.Dispose();
        }
    }

    /// <summary>The named HttpClient of one server's API (tests and operators can add handlers to it).</summary>
    public static string HttpClientName(string server) => HttpClientPrefix + server;

    /// <summary>The server a named HttpClient belongs to, or null for other clients.</summary>
    public static string? ServerOf(string? httpClientName) =>
        httpClientName is not null && httpClientName.StartsWith(HttpClientPrefix, StringComparison.Ordinal) ? httpClientName[HttpClientPrefix.Length..] : null;

    /// <summary>
    /// The address to POST to: <c>Api:Url</c> as given when it names a .php file, else with
    /// <c>api_jsonrpc.php</c> appended (so <c>https://zabbix.example.com/</c> works too).
    /// </summary>
    public static Uri Address(string url)
    {
        var uri = new Uri(url, UriKind.Absolute);
        if (uri.AbsolutePath.EndsWith(".php", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        var builder = new UriBuilder(uri);
        builder.Path = builder.Path.TrimEnd('/') + "/api_jsonrpc.php";
        return builder.Uri;
    }
}
