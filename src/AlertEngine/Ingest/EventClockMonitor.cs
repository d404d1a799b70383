using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Ingest;

/// <summary>
/// Notices Zabbix servers whose event times lie in the future compared with when the event
/// arrived. On Zabbix 6.0 the media type reads the time from {EVENT.DATE}/{EVENT.TIME}, which
/// Zabbix renders in the media user's time zone: a user not on UTC shifts every event by the
/// zone's offset, silently. Reported in the log once per server and in /healthz.
/// </summary>
public sealed partial class EventClockMonitor(ILogger<EventClockMonitor> logger)
{
    /// <summary>How far ahead of its arrival an event time may be before it is reported (clock drift allowance).</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, ClockWarning> _warnings = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The latest warning per Zabbix server, for /healthz.</summary>
    public IReadOnlyCollection<ClockWarning> Warnings => [.. _warnings.Values.OrderBy(w => w.Server, StringComparer.OrdinalIgnoreCase)];

    /// <summary>Pure check: how far the event time is ahead of its arrival, when beyond the tolerance.</summary>
    public static TimeSpan? AheadBy(DateTimeOffset eventAt, DateTimeOffset receivedAt) =>
        eventAt - receivedAt is var ahead && ahead > Tolerance ? ahead : null;

    public void Check(ZabbixEvent e, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (AheadBy(e.ProblemAt, receivedAt) is not { } ahead)
        {
            return;
        }

        var warning = new ClockWarning(e.Server, e.EventId, ahead,
            $"Zabbix server '{e.Server}' sent event {e.EventId} with a time {Describe(ahead)} after it arrived; "
            + "on Zabbix 6.0 set the AlertEngine media user's time zone to UTC (samples/zabbix/README.md)");
        if (_warnings.TryAdd(e.Server, warning))
        {
            LogEventTimeAhead(logger, e.Server, e.EventId, Describe(ahead));
        }
        else
        {
            _warnings[e.Server] = warning;
        }
    }

    private static string Describe(TimeSpan ahead) =>
        ahead.TotalHours >= 1 ? $"{(int)ahead.TotalHours}h{ahead.Minutes:00}m" : $"{(int)ahead.TotalMinutes}m";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zabbix server {Server} sent event {EventId} with a time {Ahead} after it arrived: on Zabbix 6.0 set the AlertEngine media user's time zone to UTC")]
    private static partial void LogEventTimeAhead(ILogger logger, string server, string eventId, string ahead);
}

/// <summary>A Zabbix server whose event times run ahead of their arrival.</summary>
public sealed record ClockWarning(string Server, string EventId, TimeSpan Ahead, string Message);
