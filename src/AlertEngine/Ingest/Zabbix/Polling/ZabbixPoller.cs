using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Ingest.Zabbix.Polling;

/// <summary>
/// One poll of one Zabbix server through its API, for what the webhook missed: problem events
/// after the watermark (or, on first start and after a long outage, the problems open now), their
/// updates and recoveries, and the problems still open on tickets, followed up until they recover
/// or are gone from Zabbix. Everything goes into the inbox as the webhook's bodies would, through
/// the same group commit, so an event seen both ways counts once. The watermark moves only after
/// the inbox has committed what was found: a poll cut short is simply repeated.
/// </summary>
public sealed partial class ZabbixPoller(
    SqliteConnectionFactory connections,
    WriteGate gate,
    InboxWriter inbox,
    TimeProvider time,
    ILogger<ZabbixPoller> logger)
{
    /// <summary>Events asked for per API call.</summary>
    public const int PageSize = 500;

    /// <summary>Pages of new problem events read per poll; the rest waits for the next poll.</summary>
    public const int MaxPagesPerPoll = 10;

    /// <summary>Open problems read in a backfill.</summary>
    public const int MaxBackfill = 5000;

    /// <summary>Updates of known problems are taken from this long before the newest one seen (clock skew, slow commits).</summary>
    public static readonly TimeSpan UpdateOverlap = TimeSpan.FromMinutes(5);

    public async Task<PollReport> PollAsync(IZabbixServerApi api, ZabbixApiOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        var server = api.Server;
        var now = time.GetUtcNow();
        ZabbixPollState? state;
        IReadOnlyList<string> followUp;
        using (var connection = connections.Open())
        {
            state = PollStateStore.Find(connection, server);
            followUp = PollStateStore.ListUnrecoveredEvents(connection, server);
        }

        var found = new PollFindings(server);
        var mode = state is null || now - state.PolledAt > options.CatchUpLimit ? PollMode.Backfill : PollMode.Incremental;
        long watermark;
        var complete = true;
        if (mode == PollMode.Backfill)
        {
            watermark = await BackfillAsync(api, found, cancellationToken);
        }
        else
        {
            (watermark, complete) = await ReadNewProblemsAsync(api, state!.LastEventId, found, cancellationToken);
        }

        var updatesFrom = mode == PollMode.Backfill ? (DateTimeOffset?)null : state!.LastUpdateAt - UpdateOverlap;
        await FollowUpAsync(api, [.. followUp.Where(id => !found.Has(id))], updatesFrom, found, cancellationToken);
        await found.ResolveAsync(api, now, cancellationToken);

        var bodies = found.Bodies();
        foreach (var rejected in found.Rejected)
        {
            LogRejected(logger, server, rejected);
        }

        var results = await Task.WhenAll(bodies.Select(inbox.WriteAsync));
        var stored = results.Count(r => r == IntakeResult.Accepted);
        var known = results.Count(r => r == IntakeResult.Duplicate);
        if (results.Any(r => r == IntakeResult.Busy))
        {
            // Nothing is lost: the watermark stays, and the next poll asks again.
            return found.Report(mode, stored, known, complete: false, "the inbox is busy (an event storm); the next poll asks again");
        }

        using (var connection = connections.Open())
        using (await gate.EnterAsync(cancellationToken))
        {
            using var transaction = connection.BeginTransaction();
            PollStateStore.Save(new DbSession(connection, transaction), new ZabbixPollState(
                server,
                Math.Max(watermark, state?.LastEventId ?? 0),
                Max(state?.LastUpdateAt, found.NewestUpdateAt),
                now,
                stored > 0 ? now : state?.FoundAt,
                mode == PollMode.Backfill ? now : state?.BackfilledAt));
            transaction.Commit();
        }

        var report = found.Report(mode, stored, known, complete, complete ? null : $"more than {MaxPagesPerPoll * PageSize} new problem events; the next poll reads on");
        if (stored > 0)
        {
            LogFound(logger, server, stored, report);
        }

        return report;
    }

    /// <summary>The problems open now, with their updates; the watermark becomes the newest event Zabbix holds.</summary>
    private static async Task<long> BackfillAsync(IZabbixServerApi api, PollFindings found, CancellationToken cancellationToken)
    {
        // Read the newest id first: a problem opening during the backfill is then read by the next poll.
        var latest = await api.GetLatestEventIdAsync(cancellationToken) ?? 0;
        var open = await api.GetOpenProblemsAsync(MaxBackfill, cancellationToken);
        foreach (var chunk in open.Select(p => p.EventId).Chunk(PageSize))
        {
            foreach (var e in await api.GetEventsAsync(chunk, cancellationToken))
            {
                found.AddEvent(e, updatesFrom: null);
            }
        }

        return latest;
    }

    private static async Task<(long Watermark, bool Complete)> ReadNewProblemsAsync(IZabbixServerApi api, long after, PollFindings found, CancellationToken cancellationToken)
    {
        for (var page = 0; page < MaxPagesPerPoll; page++)
        {
            var events = await api.GetProblemEventsAfterAsync(after, PageSize, cancellationToken);
            foreach (var e in events)
            {
                found.AddEvent(e, updatesFrom: null);
                after = Math.Max(after, long.Parse(e.EventId, System.Globalization.CultureInfo.InvariantCulture));
            }

            if (events.Count < PageSize)
            {
                return (after, true);
            }
        }

        return (after, false);
    }

    /// <summary>Problems open on tickets: their new updates, their recoveries, and those Zabbix no longer holds.</summary>
    private async Task FollowUpAsync(IZabbixServerApi api, IReadOnlyList<string> eventIds, DateTimeOffset? updatesFrom, PollFindings found, CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        foreach (var chunk in eventIds.Chunk(PageSize))
        {
            var events = await api.GetEventsAsync(chunk, cancellationToken);
            foreach (var e in events)
            {
                found.AddEvent(e, updatesFrom);
            }

            missing.AddRange(chunk.Except(events.Select(e => e.EventId), StringComparer.Ordinal));
        }

        if (missing.Count == 0)
        {
            return;
        }

        // Every followed problem gone at once looks like an API user that lost permission, not a
        // cleanup in Zabbix: resolving them all would close real incidents. Say so and wait.
        if (missing.Count == eventIds.Count && missing.Count > GoneAtOnceLimit)
        {
            LogAllGone(logger, api.Server, missing.Count);
            return;
        }

        using var connection = connections.Open();
        foreach (var eventId in missing)
        {
            var body = PollStateStore.FindProblemBody(connection, api.Server, eventId);
            if (body is not null)
            {
                found.AddGone(eventId, body);
            }
        }
    }

    /// <summary>More followed problems than this all gone in one poll is taken for a permission change, not resolved.</summary>
    public const int GoneAtOnceLimit = 10;

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Zabbix {Server}: the poller stored {Stored} events the inbox did not hold yet: missed by the webhook, or found before it arrived ({Report})")]
    private static partial void LogFound(ILogger logger, string server, int stored, PollReport report);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zabbix {Server}: skipped an event from the API: {Reason}")]
    private static partial void LogRejected(ILogger logger, string server, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Zabbix {Server}: all {Count} problems open on tickets are missing from the API's answer; not resolving them. Check that the API user can read every host the webhook's user can")]
    private static partial void LogAllGone(ILogger logger, string server, int count);
}
