using System.Globalization;
using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// What one poll found, gathered before anything is written: the problem events read, the
/// updates to store, the recoveries (whose clocks need one more call), and the problems Zabbix no
/// longer holds. <see cref="Bodies"/> turns them into inbox bodies, problems first.
/// </summary>
internal sealed class PollFindings(string server)
{
    private readonly Dictionary<string, ZabbixApiEvent> _events = new(StringComparer.Ordinal);
    private readonly List<(ZabbixApiEvent Event, ZabbixApiAcknowledge Update)> _updates = [];
    private readonly List<(string EventId, string Body)> _gone = [];
    private IReadOnlyDictionary<string, DateTimeOffset> _recoveryClocks = new Dictionary<string, DateTimeOffset>();
    private IReadOnlyDictionary<string, string> _userNames = new Dictionary<string, string>();
    private DateTimeOffset _now;

    /// <summary>The newest update clock among the events read (the next poll's starting point for updates).</summary>
    public DateTimeOffset? NewestUpdateAt { get; private set; }

    public bool Has(string eventId) => _events.ContainsKey(eventId);

    /// <summary>Takes an event with its updates from <paramref name="updatesFrom"/> on (all when null).</summary>
    public void AddEvent(ZabbixApiEvent e, DateTimeOffset? updatesFrom)
    {
        if (!_events.TryAdd(e.EventId, e))
        {
            return;
        }

        foreach (var update in e.Acknowledges)
        {
            if (NewestUpdateAt is null || update.Clock > NewestUpdateAt)
            {
                NewestUpdateAt = update.Clock;
            }

            if (updatesFrom is null || update.Clock >= updatesFrom)
            {
                _updates.Add((e, update));
            }
        }
    }

    /// <summary>A problem on a ticket that Zabbix no longer holds, with the body it was stored with.</summary>
    public void AddGone(string eventId, string storedBody) => _gone.Add((eventId, storedBody));

    /// <summary>Asks the API for what the bodies still need: when recoveries happened, who made updates.</summary>
    public async Task ResolveAsync(IZabbixServerApi api, DateTimeOffset now, CancellationToken cancellationToken)
    {
        _now = now;
        var recoveryIds = _events.Values.Where(e => e.RecoveryEventId is not null).Select(e => e.RecoveryEventId!).ToArray();
        if (recoveryIds.Length > 0)
        {
            _recoveryClocks = await api.GetEventClocksAsync(recoveryIds, cancellationToken);
        }

        var userIds = _updates.Where(u => u.Update.UserName is null).Select(u => u.Update.UserId).Distinct(StringComparer.Ordinal).ToArray();
        if (userIds.Length > 0)
        {
            try
            {
                _userNames = await api.GetUserNamesAsync(userIds, cancellationToken);
            }
            catch (ZabbixApiException)
            {
                // Names are for the timeline only; an API user without user.get rights still polls.
            }
        }
    }

    /// <summary>Events the API returned that make no valid event (e.g. a severity outside 0-5): why, per event.</summary>
    public List<string> Rejected { get; } = [];

    public IReadOnlyList<IncomingEvent> Bodies()
    {
        var bodies = new List<IncomingEvent>();
        void Add(Func<IncomingEvent> make)
        {
            try
            {
                bodies.Add(make());
            }
            catch (InvalidDataException ex)
            {
                Rejected.Add(ex.Message);
            }
        }

        foreach (var e in _events.Values.OrderBy(e => EventOrder(e.EventId)))
        {
            Add(() => PolledEventBodies.Problem(server, e));
        }

        foreach (var (e, update) in _updates.OrderBy(u => u.Update.Clock).ThenBy(u => EventOrder(u.Update.AcknowledgeId)))
        {
            Add(() => PolledEventBodies.Update(server, e, update, UserOf(update)));
        }

        foreach (var e in _events.Values.Where(e => e.RecoveryEventId is not null).OrderBy(e => EventOrder(e.EventId)))
        {
            // A recovery whose event Zabbix did not return (housekeeping) is dated by this poll.
            var at = _recoveryClocks.TryGetValue(e.RecoveryEventId!, out var clock) ? clock : _now;
            Add(() => PolledEventBodies.Recovery(server, e, e.RecoveryEventId!, at));
        }

        foreach (var (eventId, body) in _gone)
        {
            Add(() => PolledEventBodies.Gone(server, eventId, body, _now));
        }

        return bodies;
    }

    public PollReport Report(PollMode mode, int stored, int known, bool complete, string? note) => new(
        server,
        mode,
        _events.Count,
        _updates.Count,
        _events.Values.Count(e => e.RecoveryEventId is not null),
        _gone.Count,
        stored,
        known,
        complete,
        note);

    private string UserOf(ZabbixApiAcknowledge update) =>
        update.UserName ?? (_userNames.TryGetValue(update.UserId, out var name) ? name : $"Zabbix user {update.UserId}");

    private static long EventOrder(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue;
}
