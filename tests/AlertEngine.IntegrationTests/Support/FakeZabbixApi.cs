using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// A hand-written Zabbix server API for the write-back: it holds problem events (with their
/// acknowledgements), answers whether triggers allow manual close, records every
/// <c>event.acknowledge</c> request it receives, applies the successful ones like Zabbix (the
/// message appears among the event's acknowledgements), and fails the next calls on demand.
/// Thread-safe: the outbox sender calls it from its own loop.
/// </summary>
internal sealed class FakeZabbixApi(string server) : IZabbixServerApi
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ZabbixApiEvent> _events = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _manualClose = new(StringComparer.Ordinal);
    private readonly List<ZabbixAcknowledgeRequest> _requests = [];
    private readonly Queue<ZabbixApiException> _failures = new();
    private int _reads;

    public string Server { get; } = server;

    /// <summary>Every event.acknowledge request received, failed ones included, in order.</summary>
    public IReadOnlyList<ZabbixAcknowledgeRequest> Requests
    {
        get
        {
            lock (_lock)
            {
                return [.. _requests];
            }
        }
    }

    /// <summary>How many event.get reads the write-back made.</summary>
    public int Reads => Volatile.Read(ref _reads);

    public ZabbixApiHealth Health => ZabbixApiHealth.Unknown;

    /// <summary>Zabbix holds this open problem event, with these messages already on it.</summary>
    public FakeZabbixApi Hold(string eventId, string triggerId = "23137", params string[] messages)
    {
        lock (_lock)
        {
            _events[eventId] = new ZabbixApiEvent
            {
                EventId = eventId,
                TriggerId = triggerId,
                Name = "App health critical on srv-acme-web1",
                Severity = 4,
                Clock = DateTimeOffset.FromUnixTimeSeconds(1795638019),
                Acknowledges = [.. messages.Select((m, i) => Acknowledge(i, ZabbixUpdateActions.AddMessage, m))],
            };
        }

        return this;
    }

    public FakeZabbixApi ManualClose(string triggerId, bool allowed)
    {
        lock (_lock)
        {
            _manualClose[triggerId] = allowed;
        }

        return this;
    }

    /// <summary>The next event.acknowledge call fails with this (retryable or not).</summary>
    public FakeZabbixApi FailNext(bool retryable, string message = "Zabbix is not answering")
    {
        lock (_lock)
        {
            _failures.Enqueue(new ZabbixApiException(Server, "event.acknowledge", message, retryable, retryable ? null : -32500, retryable ? null : "No permissions to referred object or it does not exist!"));
        }

        return this;
    }

    public Task AcknowledgeAsync(ZabbixAcknowledgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        lock (_lock)
        {
            _requests.Add(request);
            if (_failures.TryDequeue(out var failure))
            {
                throw failure;
            }

            foreach (var id in request.EventIds.Where(_events.ContainsKey))
            {
                var e = _events[id];
                _events[id] = e with { Acknowledges = [.. e.Acknowledges, Acknowledge(e.Acknowledges.Count, request.Action, request.Message ?? "")] };
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<ZabbixApiEvent>> GetEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<ZabbixApiEvent>>([.. eventIds.Where(_events.ContainsKey).Select(id => _events[id])]);
        }
    }

    public Task<IReadOnlyDictionary<string, bool>> GetManualCloseAsync(IReadOnlyCollection<string> triggerIds, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyDictionary<string, bool>>(triggerIds.Where(_manualClose.ContainsKey).ToDictionary(t => t, t => _manualClose[t]));
        }
    }

    public Task<Version> GetVersionAsync(CancellationToken cancellationToken) => Task.FromResult(new Version(7, 0, 5));

    public Task<long?> GetLatestEventIdAsync(CancellationToken cancellationToken) => Task.FromResult<long?>(null);

    public Task<IReadOnlyList<ZabbixApiEvent>> GetProblemEventsAfterAsync(long afterEventId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ZabbixApiEvent>>([]);

    public Task<IReadOnlyDictionary<string, DateTimeOffset>> GetEventClocksAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, DateTimeOffset>>(new Dictionary<string, DateTimeOffset>());

    public Task<IReadOnlyList<ZabbixApiProblem>> GetOpenProblemsAsync(int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ZabbixApiProblem>>([]);

    public Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>());

    private static ZabbixApiAcknowledge Acknowledge(int n, ZabbixUpdateActions action, string message) =>
        new($"9{n}", "3", DateTimeOffset.FromUnixTimeSeconds(1795638100 + n), action, message, 0, 0);
}

/// <summary>The API clients of the fake servers given.</summary>
internal sealed class FakeZabbixApiClients(params FakeZabbixApi[] servers) : IZabbixApiClients
{
    public IReadOnlyList<string> Servers { get; } = [.. servers.Select(s => s.Server)];

    public IZabbixServerApi? Find(string server) => servers.FirstOrDefault(s => string.Equals(s.Server, server, StringComparison.OrdinalIgnoreCase));
}
