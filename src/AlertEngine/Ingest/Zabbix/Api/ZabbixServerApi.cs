using System.Text.Json;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Logging;
using Refit;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The API client of one Zabbix server (see <see cref="IZabbixServerApi"/>). One instance per
/// configured server, shared by the poller, the write-back sender and the watch: it keeps the
/// detected version and the login session, so that calls do not log in again.
/// </summary>
internal sealed partial class ZabbixServerApi : IZabbixServerApi, IDisposable
{
    private readonly ZabbixApiOptions _options;
    private readonly IZabbixApi _api;
    private readonly TimeProvider _time;
    private readonly EngineMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ZabbixApiResilience _resilience;

    public ZabbixServerApi(string server, ZabbixApiOptions options, IZabbixApi api, TimeProvider time, EngineMetrics metrics, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        Server = server;
        _options = options;
        _api = api;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _resilience = ZabbixApiResilience.Create(server, options, time);
    }

    public string Server { get; }

    public void Dispose() => _loginGate.Dispose();

    /// <summary>
    /// Refit's settings for <see cref="IZabbixApi"/>: System.Text.Json with the names the records
    /// spell out; Content-Type application/json.
    /// </summary>
    public static RefitSettings RefitSettings { get; } = new(new SystemTextJsonContentSerializer(new JsonSerializerOptions(JsonSerializerDefaults.General)));

    /// <summary>A client over an <see cref="HttpClient"/> whose base address is the API URL (<see cref="ZabbixApiClients.Address"/>).</summary>
    public static ZabbixServerApi Create(string server, ZabbixApiOptions options, HttpClient http, TimeProvider time, EngineMetrics metrics, ILogger logger) =>
        new(server, options, RestService.For<IZabbixApi>(http, RefitSettings), time, metrics, logger);

    public async Task<Version> GetVersionAsync(CancellationToken cancellationToken) =>
        _dialect?.Version ?? await ExecuteAsync("apiinfo.version", write: false, async ct => (await EnsureDialectAsync(ct)).Version, cancellationToken);

    public Task<long?> GetLatestEventIdAsync(CancellationToken cancellationToken) =>
        CallAsync("event.get", _ => ZabbixApiRequests.LatestEventId(), ZabbixApiReader.LatestEventId, cancellationToken);

    public async Task<IReadOnlyList<ZabbixApiEvent>> GetProblemEventsAfterAsync(long afterEventId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var events = await CallAsync("event.get", d => ZabbixApiRequests.ProblemEventsAfter(d, afterEventId, limit), ZabbixApiReader.Events, cancellationToken);
        return await WithHostGroupsAsync(events, cancellationToken);
    }

    public async Task<IReadOnlyList<ZabbixApiEvent>> GetEventsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        if (eventIds.Count == 0)
        {
            return [];
        }

        var events = await CallAsync("event.get", d => ZabbixApiRequests.Events(d, eventIds), ZabbixApiReader.Events, cancellationToken);
        return await WithHostGroupsAsync(events, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> GetEventClocksAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(eventIds);
        return eventIds.Count == 0
            ? new Dictionary<string, DateTimeOffset>()
            : await CallAsync("event.get", _ => ZabbixApiRequests.EventClocks(eventIds), ZabbixApiReader.Clocks, cancellationToken);
    }

    public Task<IReadOnlyList<ZabbixApiProblem>> GetOpenProblemsAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return CallAsync("problem.get", _ => ZabbixApiRequests.OpenProblems(limit), ZabbixApiReader.Problems, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, bool>> GetManualCloseAsync(IReadOnlyCollection<string> triggerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(triggerIds);
        return triggerIds.Count == 0
            ? new Dictionary<string, bool>()
            : await CallAsync("trigger.get", _ => ZabbixApiRequests.ManualClose(triggerIds), ZabbixApiReader.ManualClose, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string>> GetUserNamesAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userIds);
        return userIds.Count == 0
            ? new Dictionary<string, string>()
            : await CallAsync("user.get", _ => ZabbixApiRequests.UserNames(userIds), ZabbixApiReader.UserNames, cancellationToken);
    }

    public async Task AcknowledgeAsync(ZabbixAcknowledgeRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EventIds.Count == 0)
        {
            return;
        }

        await ExecuteAsync("event.acknowledge", write: true, ct => AttemptAsync("event.acknowledge", _ => ZabbixApiRequests.Acknowledge(request), ct), cancellationToken);
    }

    /// <summary>Host groups come from one <c>host.get</c> for the events' distinct hosts (event.get's selectHosts cannot select them).</summary>
    private async Task<IReadOnlyList<ZabbixApiEvent>> WithHostGroupsAsync(IReadOnlyList<ZabbixApiEvent> events, CancellationToken cancellationToken)
    {
        var hostIds = ZabbixApiReader.HostIds(events);
        if (hostIds.Count == 0)
        {
            return events;
        }

        var groups = await ExecuteAsync(
            "host.get",
            write: false,
            async ct =>
            {
                var dialect = await EnsureDialectAsync(ct);
                var result = await AttemptAsync("host.get", d => ZabbixApiRequests.HostGroups(d, hostIds), ct);
                return ZabbixApiReader.HostGroups(result, dialect.HostGroupsField);
            },
            cancellationToken);
        return ZabbixApiReader.WithGroups(events, groups);
    }

    private Task<T> CallAsync<T>(string method, Func<ZabbixApiDialect, System.Text.Json.Nodes.JsonObject> build, Func<JsonElement, T> read, CancellationToken cancellationToken) =>
        ExecuteAsync(method, write: false, async ct => read(await AttemptAsync(method, build, ct)), cancellationToken);
}
