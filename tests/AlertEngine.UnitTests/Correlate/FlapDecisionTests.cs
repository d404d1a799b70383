using AlertEngine.Classify;
using AlertEngine.Correlate;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>The flap decision: which last resolved ALERT a problem reopens, by the Zabbix clocks and the rules' window.</summary>
public sealed class FlapDecisionTests
{
    private static readonly DateTimeOffset Recovered = ZabbixEvents.ProblemAt;
    private static readonly FlappingPolicy Window15m = FlappingPolicy.Default;

    // rule, problem after the recovery (seconds; negative: started before it), resolved by, state, policy within (minutes; 0 = off), reopens?, reason
    public static TheoryData<string, int, string?, TicketState, int, bool, string> Table => new()
    {
        { "a minute after a Zabbix recovery: flap", 60, "zabbix:main", TicketState.Resolved, 15, true, "the problem came back 1m after it recovered (flapping within 15m)" },
        { "just inside the window", (15 * 60) - 1, "zabbix:main", TicketState.Resolved, 15, true, "the problem came back 14m59s after it recovered (flapping within 15m)" },
        { "exactly the window: a new incident", 15 * 60, "zabbix:main", TicketState.Resolved, 15, false, "ticket 7 recovered 15m before this problem, not within 15m" },
        { "started before the recovery (out of order): flap", -30, "zabbix:main", TicketState.Resolved, 15, true, "the problem came back before it recovered (flapping within 15m)" },
        { "a wider rule window", 50 * 60, "zabbix:main", TicketState.Resolved, 60, true, "the problem came back 50m after it recovered (flapping within 1h)" },
        { "resolved by an engineer: respected", 60, "alice", TicketState.Resolved, 15, false, "ticket 7 was resolved by alice, not by a Zabbix recovery" },
        { "closed: never reopened", 60, "zabbix:main", TicketState.Closed, 15, false, "ticket 7 was resolved by zabbix:main, not by a Zabbix recovery" },
        { "flapping off", 60, "zabbix:main", TicketState.Resolved, 0, false, "flapping is off for this key; ticket 7 stays resolved" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_RecoveryGapResolverAndPolicy_ReopensOrNot(string rule, int afterSeconds, string? resolvedBy, TicketState state, int withinMinutes, bool reopens, string reason)
    {
        var last = CorrelationTickets.Alert(7, state, resolvedBy);
        var policy = withinMinutes == 0 ? FlappingPolicy.Off : new FlappingPolicy(TimeSpan.FromMinutes(withinMinutes));

        var verdict = FlapDecision.Decide(Recovered.AddSeconds(afterSeconds), last, Recovered, policy);

        Assert.True(reopens == (verdict.Reopen is not null), $"{rule}: {verdict.Reason}");
        Assert.Equal(reason, verdict.Reason);
    }

    [Fact]
    public void Decide_NoResolvedAlertForTheKey_NoneWithoutReason()
    {
        Assert.Same(FlapVerdict.None, FlapDecision.Decide(Recovered, null, null, Window15m));
    }

    [Fact]
    public void Decide_ResolvedWithoutRecoveryTime_NotAFlap()
    {
        var verdict = FlapDecision.Decide(Recovered, CorrelationTickets.Alert(7, TicketState.Resolved, "zabbix:main"), null, Window15m);

        Assert.Equal((null, "ticket 7 has no recovery time"), (verdict.Reopen, verdict.Reason));
    }

    [Fact]
    public void CorrelationDecision_FlapVerdictWithNothingOpen_ReopensThatTicket()
    {
        var last = CorrelationTickets.Alert(7, TicketState.Resolved, "zabbix:main");
        var flap = FlapDecision.Decide(Recovered.AddMinutes(2), last, Recovered, Window15m);

        var plan = CorrelationDecision.Decide(ZabbixEvents.Problem(), linked: null, openForKey: null, flap);

        Assert.Equal((Placement.ReopenFlapping, last), (plan.Placement, plan.Ticket));
        Assert.Equal("problem: event 51 reopens ticket 7: the problem came back 2m after it recovered (flapping within 15m)", plan.Reason);
    }

    [Fact]
    public void CorrelationDecision_OpenTicketForKeyAndAFlapCandidate_OpenTicketWins()
    {
        var open = CorrelationTickets.Alert(9);
        var flap = new FlapVerdict(CorrelationTickets.Alert(7, TicketState.Resolved, "zabbix:main"), "flap");

        var plan = CorrelationDecision.Decide(ZabbixEvents.Problem(), linked: null, open, flap);

        Assert.Equal((Placement.AddOccurrence, open), (plan.Placement, plan.Ticket));
    }

    [Fact]
    public void CorrelationDecision_NotAFlap_OpensWithTheReasonWhyNot()
    {
        var plan = CorrelationDecision.Decide(ZabbixEvents.Problem(), linked: null, openForKey: null, new FlapVerdict(null, "flapping is off for this key; ticket 7 stays resolved"));

        Assert.Equal((Placement.OpenTicket, "problem: event 51 opens a new ALERT ticket (flapping is off for this key; ticket 7 stays resolved)"), (plan.Placement, plan.Reason));
    }
}
