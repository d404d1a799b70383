using AlertEngine.Correlate;
using AlertEngine.Ingest;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>
/// The pure correlate decision over (event kind × its problem already on a ticket × an open
/// ticket for its key): where the event goes, what it changes, and a reason that says so.
/// </summary>
public sealed class CorrelationDecisionTests
{
    private static readonly Ticket Linked = NewTicket(7, "A-00007");
    private static readonly Ticket OpenForKey = NewTicket(9, "A-00009");

    // rule, event (problem, recovery or an update's Zabbix wording), linked, open for key, placement, change, what the reason says
    public static TheoryData<string, string, bool, bool, Placement, TicketChange, string> Table => new()
    {
        { "problem on its ticket arrived late", "problem", true, false, Placement.AlreadyLinked, TicketChange.None, "problem already recorded (arrived after its update or recovery)" },
        { "problem on its ticket: linked wins over open", "problem", true, true, Placement.AlreadyLinked, TicketChange.None, "problem already recorded (arrived after its update or recovery)" },
        { "problem repeats an open ticket", "problem", false, true, Placement.AddOccurrence, TicketChange.None, "problem" },
        { "problem with nothing open opens", "problem", false, false, Placement.OpenTicket, TicketChange.None, "problem" },
        { "recovery of a linked problem", "recovery", true, false, Placement.AlreadyLinked, TicketChange.RecoverEvent, "recovery" },
        { "recovery of a linked problem: linked wins over open", "recovery", true, true, Placement.AlreadyLinked, TicketChange.RecoverEvent, "recovery" },
        { "recovery before its problem, key open", "recovery", false, true, Placement.AddOccurrence, TicketChange.RecoverEvent, "recovery arrived before its problem" },
        { "recovery before its problem, nothing open", "recovery", false, false, Placement.OpenTicket, TicketChange.RecoverEvent, "recovery arrived before its problem" },
        { "acknowledge of a linked problem", "acknowledged", true, false, Placement.AlreadyLinked, TicketChange.Acknowledge, "acknowledged in Zabbix" },
        { "acknowledge: linked wins over open", "acknowledged and commented", true, true, Placement.AlreadyLinked, TicketChange.Acknowledge, "acknowledged in Zabbix" },
        { "acknowledge before its problem, key open", "acknowledged", false, true, Placement.AddOccurrence, TicketChange.Acknowledge, "acknowledged in Zabbix" },
        { "acknowledge before its problem, nothing open", "acknowledged", false, false, Placement.OpenTicket, TicketChange.Acknowledge, "acknowledged in Zabbix" },
        { "unacknowledge of a linked problem", "unacknowledged", true, false, Placement.AlreadyLinked, TicketChange.Unacknowledge, "unacknowledged in Zabbix" },
        { "unacknowledge and comment is an unacknowledge", "unacknowledged and commented", true, true, Placement.AlreadyLinked, TicketChange.Unacknowledge, "unacknowledged in Zabbix" },
        { "unacknowledge before its problem, key open", "unacknowledged", false, true, Placement.AddOccurrence, TicketChange.Unacknowledge, "unacknowledged in Zabbix" },
        { "unacknowledge before its problem, nothing open", "unacknowledged", false, false, Placement.OpenTicket, TicketChange.Unacknowledge, "unacknowledged in Zabbix" },
        { "comment on a linked problem", "commented", true, false, Placement.AlreadyLinked, TicketChange.Comment, "updated in Zabbix" },
        { "severity change is a comment", "changed severity from Warning to High", true, true, Placement.AlreadyLinked, TicketChange.Comment, "updated in Zabbix" },
        { "close in Zabbix is a comment, the recovery resolves", "closed", false, true, Placement.AddOccurrence, TicketChange.Comment, "updated in Zabbix" },
        { "comment before its problem, nothing open", "commented", false, false, Placement.OpenTicket, TicketChange.Comment, "updated in Zabbix" },
    };

    // rule, Zabbix's wording of the update
    public static TheoryData<string, string> OwnWriteBacks => new()
    {
        { "our acknowledgement comes back", "acknowledged and commented" },
        { "our message on a PROBLEM's events comes back", "commented" },
        { "our close comes back", "closed and commented" },
        { "ours even when worded as an unacknowledge", "unacknowledged and commented" },
    };

    [Theory]
    [MemberData(nameof(OwnWriteBacks))]
    public void Decide_UpdateWithOurMarker_OwnWriteBackNotAnAcknowledgement(string rule, string action)
    {
        var e = ZabbixEvents.Update(new ZabbixUpdate(action, "[AlertEngine] Acknowledged by alice via api — ticket A-00007", "AlertEngine API (alertengine)", "2026.11.25", "20:21:00", NewSeverity: null));

        var plan = CorrelationDecision.Decide(e, Linked, null);

        Assert.True(plan.Change == TicketChange.OwnWriteBack, $"{rule}: {plan.Change}");
        Assert.StartsWith("AlertEngine's own write-back confirmed by Zabbix: ", plan.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_KindLinkedAndOpen_PlacementChangeAndReason(
        string rule, string @event, bool linked, bool openForKey, Placement placement, TicketChange change, string what)
    {
        var e = @event switch
        {
            "problem" => ZabbixEvents.Problem(),
            "recovery" => ZabbixEvents.Recovery(),
            _ => ZabbixEvents.Update(@event),
        };

        var plan = CorrelationDecision.Decide(e, linked ? Linked : null, openForKey ? OpenForKey : null);

        Assert.True(placement == plan.Placement, $"{rule}: placement {plan.Placement}");
        Assert.True(change == plan.Change, $"{rule}: change {plan.Change}");
        var expectedTicket = placement switch
        {
            Placement.AlreadyLinked => Linked,
            Placement.AddOccurrence => OpenForKey,
            _ => null,
        };
        Assert.Same(expectedTicket, plan.Ticket);
        Assert.StartsWith($"{what}: event 51 ", plan.Reason, StringComparison.Ordinal);
        var where = placement switch
        {
            Placement.AlreadyLinked => "is on ticket A-00007",
            Placement.AddOccurrence => "adds an occurrence to open ticket A-00009",
            _ => "opens a new ALERT ticket",
        };
        Assert.EndsWith(where, plan.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ProblemWithNothingOpen_ReasonIsExact()
    {
        var plan = CorrelationDecision.Decide(ZabbixEvents.Problem(), linked: null, openForKey: null);

        Assert.Equal("problem: event 51 opens a new ALERT ticket", plan.Reason);
    }

    [Fact]
    public void Decide_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => CorrelationDecision.Decide(null!, Linked, OpenForKey));
    }

    private static Ticket NewTicket(long id, string number) => new()
    {
        Id = id,
        Number = number,
        Type = TicketType.ALERT,
        State = TicketState.Open,
        Level = SupportLevel.L2,
        Title = "App health critical on srv-acme-web1",
        CorrelationKey = "main:trigger:23137",
        OpenedAt = ZabbixEvents.ProblemAt,
        UpdatedAt = ZabbixEvents.ProblemAt,
    };
}
