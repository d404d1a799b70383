namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>The API clients of the configured Zabbix servers that have an API URL.</summary>
public interface IZabbixApiClients
{
    /// <summary>Names of the servers with an API configured (<c>Zabbix:Servers:{name}:Api:Url</c>).</summary>
    IReadOnlyList<string> Servers { get; }

    /// <summary>The client of one server; null when it has no API configured.</summary>
    IZabbixServerApi? Find(string server);
}
