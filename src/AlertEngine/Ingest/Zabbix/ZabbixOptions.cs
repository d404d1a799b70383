namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// The Zabbix servers that may send events (section <c>Zabbix</c>). Each is named in the
/// webhook URL: <c>POST /api/v1/zabbix/{name}/events</c>.
/// </summary>
public sealed class ZabbixOptions
{
    public const string SectionName = "Zabbix";

    /// <summary>
    /// Configured servers by name (letters, digits, '-', '_', '.'; matched case-insensitively).
    /// Empty by default: the webhook answers 404 until a server is configured.
    /// </summary>
    public Dictionary<string, ZabbixServerOptions> Servers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One Zabbix server (<c>Zabbix:Servers:{name}</c>).</summary>
public sealed class ZabbixServerOptions
{
    /// <summary>
    /// The shared secret its media type sends in the <c>X-AlertEngine-Token</c> header. At least
    /// 16 characters. A secret: set it from the environment
    /// (<c>AlertEngine__Zabbix__Servers__{name}__WebhookSecret</c>), never in a committed file.
    /// </summary>
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// The server's JSON-RPC API (<c>Zabbix:Servers:{name}:Api</c>): polling for what the webhook
    /// missed, write-back of acknowledgements, and the blind-monitoring watch. Off while
    /// <see cref="ZabbixApiOptions.Url"/> is empty.
    /// </summary>
    public ZabbixApiOptions Api { get; set; } = new();
}
