using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Polling;

/// <summary>An acknowledgement's bitmask in Zabbix's own {EVENT.UPDATE.ACTION} words.</summary>
public sealed class UpdateActionTextTests
{
    // rule, action bits, old and new severity, expected words
    public static TheoryData<string, int, int, int, string> Actions => new()
    {
        { "acknowledge with a message, as the reference sample (6)", 6, 0, 0, "acknowledged and commented" },
        { "message only", 4, 0, 0, "commented" },
        { "acknowledge only", 2, 0, 0, "acknowledged" },
        { "unacknowledge", 16, 0, 0, "unacknowledged" },
        { "severity change names both severities", 8, 2, 4, "changed severity from Warning to High" },
        { "severity, acknowledge and message in one update", 14, 3, 5, "changed severity from Average to Disaster, acknowledged and commented" },
        { "close with a message", 5, 0, 0, "commented and closed" },
        { "suppress (6.2+)", 32, 0, 0, "suppressed" },
        { "no bits at all", 0, 0, 0, "updated" },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public void For_ActionBits_ZabbixWording(string rule, int action, int oldSeverity, int newSeverity, string expected)
    {
        var update = new ZabbixApiAcknowledge("8", "1", DateTimeOffset.FromUnixTimeSeconds(1_795_638_024), (ZabbixUpdateActions)action, "m", oldSeverity, newSeverity);

        Assert.True(expected == UpdateActionText.For(update), rule);
    }
}
