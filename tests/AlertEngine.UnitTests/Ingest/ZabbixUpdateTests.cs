using AlertEngine.Ingest;

namespace AlertEngine.UnitTests.Ingest;

/// <summary>What an update made in Zabbix means, read from Zabbix's own wording of {EVENT.UPDATE.ACTION}.</summary>
public sealed class ZabbixUpdateTests
{
    // Zabbix's wording, acknowledges, unacknowledges
    public static TheoryData<string, bool, bool> Wordings => new()
    {
        { "acknowledged", true, false },
        { "acknowledged and commented", true, false },
        { "commented", false, false },
        { "unacknowledged", false, true },
        { "unacknowledged and commented", false, true },
        { "changed severity from Warning to High", false, false },
        { "closed", false, false },
        { "acknowledged, commented and changed severity from Average to High", true, false },
        { "acknowledged, commented, changed severity from Warning to High and closed", true, false },
        { "suppressed", false, false },
        { "unsuppressed", false, false },
    };

    [Theory]
    [MemberData(nameof(Wordings))]
    public void Acknowledges_ZabbixWording_TrueOnlyWhenAcknowledgedNotTakenBack(string action, bool acknowledges, bool unacknowledges)
    {
        var update = new ZabbixUpdate(action, Message: null, User: "Admin", Date: null, Time: null, NewSeverity: null);

        Assert.Equal(acknowledges, update.Acknowledges);
        Assert.Equal(unacknowledges, update.Unacknowledges);
    }

    [Fact]
    public void Acknowledges_WordOnlyInsideMessage_IsNotAnAcknowledgement()
    {
        var update = new ZabbixUpdate("commented", "acknowledged by phone, will look", "Admin", null, null, null);

        Assert.False(update.Acknowledges);
    }
}
