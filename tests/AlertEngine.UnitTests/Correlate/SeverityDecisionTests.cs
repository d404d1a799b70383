using AlertEngine.Classify;
using AlertEngine.Correlate;
using AlertEngine.Ingest;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Correlate;

/// <summary>A severity changed in Zabbix: whether it is a change, and whether the level follows.</summary>
public sealed class SeverityDecisionTests
{
    // rule, recorded severity, update's new severity (-1: none), ticket level, ticket state, level the rules give, expected (null: no change), level after
    public static TheoryData<string, int, int, SupportLevel, TicketState, SupportLevel, string?, SupportLevel> Table => new()
    {
        { "raised: rules give a higher level", 3, 4, SupportLevel.L3, TicketState.Open, SupportLevel.L2, "level L3 → L2: severity changed from average to high in Zabbix by Admin (rule 'r')", SupportLevel.L2 },
        { "lowered: rules give a lower level", 5, 3, SupportLevel.L1, TicketState.Acknowledged, SupportLevel.L3, "level L1 → L3: severity changed from disaster to average in Zabbix by Admin (rule 'r')", SupportLevel.L3 },
        { "changed but the same level", 1, 2, SupportLevel.L4, TicketState.Open, SupportLevel.L4, "severity changed from information to warning in Zabbix by Admin; level stays L4 (rule 'r')", SupportLevel.L4 },
        { "resolved ticket keeps its level", 3, 5, SupportLevel.L3, TicketState.Resolved, SupportLevel.L1, "severity changed from average to disaster in Zabbix by Admin; level stays L3: the ticket is resolved", SupportLevel.L3 },
        { "same severity as recorded: no change", 4, 4, SupportLevel.L2, TicketState.Open, SupportLevel.L2, null, SupportLevel.L2 },
        { "no new severity: no change", 4, -1, SupportLevel.L2, TicketState.Open, SupportLevel.L1, null, SupportLevel.L2 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_RecordedAndNewSeverity_ChangeAndLevel(string rule, int recorded, int newSeverity, SupportLevel level, TicketState state, SupportLevel rulesLevel, string? text, SupportLevel after)
    {
        var update = new ZabbixUpdate("changed severity", null, "Admin", null, null, newSeverity < 0 ? null : newSeverity);
        var ticket = CorrelationTickets.Alert(7, state) with { Level = level };
        var classified = new Classification(rulesLevel, "acme", "ops", "k", "why") { Rule = "r" };

        var change = SeverityDecision.Decide(update, recorded, ticket, classified);

        Assert.True(text == change?.Text, $"{rule}: {change?.Text}");
        Assert.Equal(after, change?.LevelTo ?? level);
        Assert.Equal(after != level, change?.Relevels ?? false);
    }
}
