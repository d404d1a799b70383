using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Watch;

namespace AlertEngine.UnitTests.Watch;

/// <summary>When AlertEngine is blind to a Zabbix server, and when it can see again.</summary>
public sealed class BlindMonitoringDecisionTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private static readonly ZabbixApiHealth Answering = new(true, Now.AddSeconds(-20), null, null, new Version(6, 0, 14));

    // rule, API failing for (minutes, -1 = answering), webhook silent for (minutes, -1 = never sent one),
    // poller found nothing new for (minutes, -1 = never), Zabbix's newest event (minutes ago, -1 = unknown), ticket open, expected action
    public static TheoryData<string, int, int, int, int, bool, BlindAction> Cases => new()
    {
        { "API down 4 min of 5: not yet", 4, 1, 1, -1, false, BlindAction.None },
        { "API down exactly 5 min: open", 5, 1, 1, -1, false, BlindAction.Open },
        { "API down 30 min, ticket already open: nothing more", 30, 1, 1, -1, true, BlindAction.None },
        { "API answers again, ticket open: resolve", -1, 1, 1, -1, true, BlindAction.Resolve },
        { "all quiet, no ticket: nothing", -1, 1, 1, -1, false, BlindAction.None },
        { "webhook and poller silent 31 min while Zabbix had an event 2 min ago: dead-man opens", -1, 31, 31, 2, false, BlindAction.Open },
        { "webhook silent, poller silent, Zabbix quiet too (last event 45 min ago): nothing", -1, 31, 31, 45, false, BlindAction.None },
        { "webhook silent but the poller found events 3 min ago: covered, nothing", -1, 31, 3, 2, false, BlindAction.None },
        { "webhook silent 29 min of 30: not yet", -1, 29, 31, 2, false, BlindAction.None },
        { "a server that never sent a webhook is not dead-man watched", -1, -1, 31, 2, false, BlindAction.None },
        { "poller never found anything, webhook silent, Zabbix busy: dead-man opens", -1, 40, -1, 1, false, BlindAction.Open },
        { "dead-man ticket open and a webhook arrived: resolve", -1, 1, 31, 2, true, BlindAction.Resolve },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(string rule, int apiDownMinutes, int webhookSilentMinutes, int pollerSilentMinutes, int zabbixEventMinutesAgo, bool ticketOpen, BlindAction expected)
    {
        var inputs = Inputs(apiDownMinutes, webhookSilentMinutes, pollerSilentMinutes, zabbixEventMinutesAgo, ticketOpen);
        if (!BlindMonitoringDecision.NeedsZabbixActivity(inputs))
        {
            inputs = inputs with { ZabbixLastEventAt = null };
        }

        var verdict = BlindMonitoringDecision.Decide(inputs);

        Assert.True(expected == verdict.Action, $"{rule}: got {verdict.Action} ({verdict.Reason})");
    }

    [Fact]
    public void Decide_ApiDown_ReasonNamesServerSinceWhenAndTheError()
    {
        var verdict = BlindMonitoringDecision.Decide(Inputs(12, 1, 1, -1, ticketOpen: false));

        Assert.Equal("The Zabbix API of main has not answered since 2026-11-26 02:48:00 UTC (12 min): Connection refused (127.0.0.1:8080). "
            + "Events the webhook misses are not found; check the Zabbix frontend and the network.", verdict.Reason);
    }

    [Fact]
    public void Decide_DeadMan_ReasonSaysWhatToCheckInZabbix()
    {
        var verdict = BlindMonitoringDecision.Decide(Inputs(-1, 31, 31, 2, ticketOpen: false));

        Assert.Contains("has sent no webhook since 2026-11-26 02:29:00 UTC", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("Check the AlertEngine action, user media and media type in Zabbix", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NeedsZabbixActivity_DeadManOff_False()
    {
        var inputs = Inputs(-1, 31, 31, 2, ticketOpen: false) with { DeadManAfter = TimeSpan.Zero };

        Assert.False(BlindMonitoringDecision.NeedsZabbixActivity(inputs));
        Assert.Equal(BlindAction.None, BlindMonitoringDecision.Decide(inputs).Action);
    }

    private static BlindMonitoringInputs Inputs(int apiDownMinutes, int webhookSilentMinutes, int pollerSilentMinutes, int zabbixEventMinutesAgo, bool ticketOpen) => new(
        "main",
        apiDownMinutes < 0 ? Answering : new ZabbixApiHealth(false, Now.AddMinutes(-apiDownMinutes - 1), Now.AddMinutes(-apiDownMinutes), "Connection refused (127.0.0.1:8080)", null),
        BlindAfter: TimeSpan.FromMinutes(5),
        DeadManAfter: TimeSpan.FromMinutes(30),
        Now,
        webhookSilentMinutes < 0 ? null : Now.AddMinutes(-webhookSilentMinutes),
        pollerSilentMinutes < 0 ? null : Now.AddMinutes(-pollerSilentMinutes),
        zabbixEventMinutesAgo < 0 ? null : Now.AddMinutes(-zabbixEventMinutesAgo),
        ticketOpen);
}
