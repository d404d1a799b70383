namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The JSON-RPC API (<c>api_jsonrpc.php</c>) of one configured Zabbix server, in the engine's
/// words. The implementation detects the version (<c>apiinfo.version</c>) at the first call and
/// after a reconnect, picks the authentication style and parameter names that version needs,
/// logs in when it has a user and password (again when Zabbix ends the session), and wraps
/// reads in timeout, retry with jitter and a circuit breaker, writes in timeout and breaker only.
/// Every failure surfaces as a <see cref="ZabbixApiException"/> saying whether a retry can help.
/// </summary>
public interface IZabbixServerApi
{
    /// <summary>The configured server name (<c>Zabbix:Servers:{name}</c>).</summary>
    string Server { get; }

    /// <summary>The API version the server reported (<c>apiinfo.version</c>), e.g. 6.0.14.</summary>
    Task<Version> GetVersionAsync(CancellationToken cancellationToken);

    /// <summary>The highest trigger event id Zabbix holds (problem or recovery), or null when it holds none.</summary>
    Task<long?> GetLatestEventIdAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Trigger problem events (value 1) with an id above <paramref name="afterEventId"/>, oldest
    /// first, at most <paramref name="limit"/>, with hosts (and their groups), tags and
    /// acknowledgements (<c>event.get</c>).
    /// </summary>
    Task<IReadOnlyList<ZabbixApiEvent>> GetProblemEventsAfterAsync(long afterEventId, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// These problem events as Zabbix holds them now (recovery id, acknowledgements, current
    /// severity), with hosts, groups and tags. An id Zabbix no longer holds is simply absent.
    /// </summary>
    Task<IReadOnlyList<ZabbixApiEvent>> GetEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>When each of these (recovery) events happened, by event id (<c>event.get</c>).</summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> GetEventClocksAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken);

    /// <summary>The problems open now (<c>problem.get</c>), oldest first, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<ZabbixApiProblem>> GetOpenProblemsAsync(int limit, CancellationToken cancellationToken);

    /// <summary>Whether each trigger allows closing its problems by hand (<c>trigger.get</c> <c>manual_close</c>), by trigger id.</summary>
    Task<IReadOnlyDictionary<string, bool>> GetManualCloseAsync(IReadOnlyCollection<string> triggerIds, CancellationToken cancellationToken);

    /// <summary>Display names ("Name Surname (username)") of these Zabbix users, by user id; unknown ids are absent.</summary>
    Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>Updates problem events (<c>event.acknowledge</c>): acknowledge, add a message, close.</summary>
    Task AcknowledgeAsync(ZabbixAcknowledgeRequest request, CancellationToken cancellationToken);

    /// <summary>Whether the API answered the last call, since when, and the last error (for /healthz and the blind-monitoring ticket).</summary>
    ZabbixApiHealth Health { get; }
}
