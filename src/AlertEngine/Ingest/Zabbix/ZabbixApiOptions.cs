namespace AlertEngine.Ingest.Zabbix;

/// <summary>
/// How the engine reaches one Zabbix server's API (<c>Zabbix:Servers:{name}:Api</c>). Give either
/// an API token (preferred) or a user and password. Secrets come from the environment, e.g.
/// <c>AlertEngine__Zabbix__Servers__main__Api__Token</c>.
/// </summary>
public sealed class ZabbixApiOptions
{
    /// <summary>The API address, e.g. <c>https://zabbix.example.com/api_jsonrpc.php</c>. Empty (the default): no API, no polling, no write-back.</summary>
    public string? Url { get; set; }

    /// <summary>An API token (Zabbix 5.4+; User settings → API tokens). A secret.</summary>
    public string? Token { get; set; }

    /// <summary>User name for <c>user.login</c>, when no token is given.</summary>
    public string? User { get; set; }

    /// <summary>Password for <c>user.login</c>. A secret.</summary>
    public string? Password { get; set; }

    /// <summary>How long one API call may take before it counts as failed. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a failed read (<c>*.get</c>), with jittered backoff starting at <see cref="RetryDelay"/>. Default 2.</summary>
    public int ReadRetries { get; set; } = 2;

    /// <summary>First delay before retrying a read; doubles with jitter. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open (calls fail at once) after the server failed repeatedly. Default 30 s.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the poller asks for what the webhook may have missed. Default 30 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// After this long without a successful poll, the poller does not page through the missed
    /// history: it backfills the problems open now and continues from the newest event. Default 24 h.
    /// </summary>
    public TimeSpan CatchUpLimit { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Write what engineers do in AlertEngine back into Zabbix (acknowledge with a message, a
    /// message when a PROBLEM ticket opens, close on resolve). Default true.
    /// </summary>
    public bool WriteBack { get; set; } = true;

    /// <summary>
    /// How long the API may stay unreachable before an L1 ticket "monitoring blind: {name}" opens.
    /// It resolves itself when the server answers again. Default 5 min.
    /// </summary>
    public TimeSpan BlindAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Dead-man watch: when the server has sent no webhook and the poller found nothing new for
    /// this long while the API shows problems changing, the same L1 self-alert opens.
    /// 00:00:00 turns the watch off. Default 30 min.
    /// </summary>
    public TimeSpan DeadManAfter { get; set; } = TimeSpan.FromMinutes(30);
}
