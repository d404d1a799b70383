namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// What the engine knows about a Zabbix server's API: whether the last call got an answer,
/// when the last answer came, since when it has been failing (null while it answers), and the
/// last failure in words (never a secret).
/// </summary>
public sealed record ZabbixApiHealth(bool Reachable, DateTimeOffset? LastAnswerAt, DateTimeOffset? FailingSince, string? LastError, Version? Version)
{
    /// <summary>Before the first call.</summary>
    public static ZabbixApiHealth Unknown { get; } = new(false, null, null, null, null);
}
