using System.Globalization;
using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.Watch;

/// <summary>What the watch knows about one Zabbix server at one moment.</summary>
public sealed record BlindMonitoringInputs(
    string Server,
    ZabbixApiHealth Api,
    TimeSpan BlindAfter,
    TimeSpan DeadManAfter,
    DateTimeOffset Now,
    DateTimeOffset? LastWebhookAt,
    DateTimeOffset? LastFoundAt,
    DateTimeOffset? ZabbixLastEventAt,
    bool TicketOpen);

/// <summary>Open the self-alert (with why), resolve it (with why), or leave things as they are.</summary>
public enum BlindAction
{
    None,
    Open,
    Resolve,
}

/// <summary>The verdict and the reason, in words for the ticket's timeline.</summary>
public sealed record BlindVerdict(BlindAction Action, string Reason);

/// <summary>
/// Decides whether AlertEngine is blind to a Zabbix server: its API has not answered for
/// <c>Api:BlindAfter</c>, or (dead-man watch) a server that sends webhooks has sent none and the
/// poller found nothing new for <c>Api:DeadManAfter</c> while Zabbix's own events keep coming.
/// Either opens one L1 ticket "monitoring blind: {server}"; it resolves once neither holds.
/// </summary>
public static class BlindMonitoringDecision
{
    /// <summary>
    /// True when the dead-man watch needs to know Zabbix's newest event: the server sends webhooks
    /// but has been silent, and the poller has found nothing new, for the whole window.
    /// </summary>
    public static bool NeedsZabbixActivity(BlindMonitoringInputs i)
    {
        ArgumentNullException.ThrowIfNull(i);
        return i.DeadManAfter > TimeSpan.Zero
            && i.Api.Reachable
            && i.LastWebhookAt is { } webhook && i.Now - webhook >= i.DeadManAfter
            && (i.LastFoundAt is null || i.Now - i.LastFoundAt >= i.DeadManAfter);
    }

    public static BlindVerdict Decide(BlindMonitoringInputs i)
    {
        ArgumentNullException.ThrowIfNull(i);
        if (!i.Api.Reachable && i.Api.FailingSince is { } failing && i.Now - failing >= i.BlindAfter)
        {
            var reason = $"The Zabbix API of {i.Server} has not answered since {Stamp(failing)} ({Minutes(i.Now - failing)}): {i.Api.LastError ?? "no answer"}. "
                + "Events the webhook misses are not found; check the Zabbix frontend and the network.";
            return i.TicketOpen ? new(BlindAction.None, reason) : new(BlindAction.Open, reason);
        }

        if (NeedsZabbixActivity(i) && i.ZabbixLastEventAt is { } latest && i.Now - latest < i.DeadManAfter)
        {
            var reason = $"Zabbix {i.Server} has sent no webhook since {Stamp(i.LastWebhookAt!.Value)} and the poller found nothing new for {Minutes(i.DeadManAfter)}, "
                + $"yet Zabbix recorded an event at {Stamp(latest)}. Check the AlertEngine action, user media and media type in Zabbix.";
            return i.TicketOpen ? new(BlindAction.None, reason) : new(BlindAction.Open, reason);
        }

        if (i.TicketOpen && i.Api.Reachable)
        {
            return new(BlindAction.Resolve, $"The Zabbix API of {i.Server} answers again and events arrive; monitoring is not blind any more.");
        }

        return new(BlindAction.None, i.Api.Reachable ? "answering" : "not answering, not yet for Api:BlindAfter");
    }

    private static string Stamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Minutes(TimeSpan span) => span.TotalMinutes >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalMinutes} min")
        : string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalSeconds} s");
}
