using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// Stands in for <see cref="IZabbixApiClients"/> until the API client is registered (it is
/// registered with TryAdd, so the real one wins whichever registers first): no server has a
/// client, so write-backs planned for a server with Api:Url set are cancelled as not needed.
/// </summary>
internal sealed class NoZabbixApiClients : IZabbixApiClients
{
    public IReadOnlyList<string> Servers { get; } = [];

    public IZabbixServerApi? Find(string server) => null;
}
