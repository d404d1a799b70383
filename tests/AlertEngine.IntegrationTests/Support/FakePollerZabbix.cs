using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// A hand-written Zabbix server for poller tests: it holds problem events (with their updates and
/// recovery ids) and recovery clocks, answers the poller's questions from them, and records what
/// it was asked. HTTP behaviour (auth, versions, errors) is the API client's, tested on WireMock.
/// </summary>
internal sealed class FakePollerZabbix(string server) : IZabbixServerApi
{
    private readonly object _lock = new();

    public string Server => server;

    /// <summary>The problem events Zabbix holds, by event id.</summary>
    public Dictionary<string, ZabbixApiEvent> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>When each recovery event happened, by recovery event id.</summary>
    public Dictionary<string, DateTimeOffset> RecoveryClocks { get; } = new(StringComparer.Ordinal);

    /// <summary>Zabbix user names by user id.</summary>
    public Dictionary<string, string> Users { get; } = new(StringComparer.Ordinal);

    /// <summary>What the poller asked, in order, e.g. "event.get after 50".</summary>
    public List<string> Calls { get; } = [];

    /// <summary>What the client would say of the API's health (the blind watch reads it).</summary>
    public ZabbixApiHealth Health { get; set; } = ZabbixApiHealth.Unknown;

    public void Add(ZabbixApiEvent e)
    {
        lock (_lock)
        {
            Events[e.EventId] = e;
        }
    }

    public Task<Version> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(new Version(6, 0, 14));

    public Task<long?> GetLatestEventIdAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add("event.get latest");
            var ids = Events.Keys.Select(Id).Concat(RecoveryClocks.Keys.Select(Id)).ToList();
            return Task.FromResult(ids.Count == 0 ? (long?)null : ids.Max());
        }
    }

    public Task<IReadOnlyList<ZabbixApiEvent>> GetProblemEventsAfterAsync(long afterEventId, int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add($"event.get after {afterEventId}");
            return Task.FromResult<IReadOnlyList<ZabbixApiEvent>>([.. Events.Values.Where(e => Id(e.EventId) > afterEventId).OrderBy(e => Id(e.EventId)).Take(limit)]);
        }
    }

    public Task<IReadOnlyList<ZabbixApiEvent>> GetEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add($"event.get {string.Join(",", eventIds)}");
            return Task.FromResult<IReadOnlyList<ZabbixApiEvent>>([.. eventIds.Where(Events.ContainsKey).Select(id => Events[id])]);
        }
    }

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetEventClocksAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var clocks = Events.Values.ToDictionary(e => e.EventId, e => e.Clock);
            foreach (var (id, clock) in RecoveryClocks)
            {
                clocks[id] = clock;
            }

            return Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(eventIds.Where(clocks.ContainsKey).ToDictionary(id => id, id => clocks[id]));
        }
    }

    public Task<IReadOnlyList<ZabbixApiProblem>> GetOpenProblemsAsync(int limit, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Calls.Add("problem.get");
            return Task.FromResult<IReadOnlyList<ZabbixApiProblem>>([.. Events.Values.Where(e => e.RecoveryEventId is null)
                .OrderBy(e => Id(e.EventId)).Take(limit).Select(e => new ZabbixApiProblem(e.EventId, e.TriggerId, e.Name, e.Severity, e.Clock))]);
        }
    }

    public Task<IReadOnlyDictionary<string, bool>> GetManualCloseAsync(IReadOnlyCollection<string> triggerIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, bool>>(triggerIds.ToDictionary(id => id, _ => false));

    public Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, string>>(userIds.Where(Users.ContainsKey).ToDictionary(id => id, id => Users[id]));
        }
    }

    private static long Id(string id) => long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);

    public Task AcknowledgeAsync(ZabbixAcknowledgeRequest request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the poller never writes to Zabbix");
}
