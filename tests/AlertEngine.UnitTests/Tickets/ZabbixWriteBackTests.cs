using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Tickets;

namespace AlertEngine.UnitTests.Tickets;

/// <summary>
/// What the Zabbix write-back plans, as pure text and targets: the messages (each starting with
/// the marker that lets the engine recognise its own update), one row per server with the
/// server's events, only for servers that write back, and a dedup key that repeats exactly.
/// </summary>
public sealed class ZabbixWriteBackTests
{
    private static readonly WriteBackEvent[] Events =
    [
        new("main", "51", "23137"),
        new("backup", "7", "900"),
        new("main", "52", "23137"),
    ];

    [Fact]
    public void AcknowledgeMessage_ActorChannelTicket_SaysWhoHowAndWhich()
    {
        Assert.Equal("[AlertEngine] Acknowledged by alice (desk) via api — ticket 1001", ZabbixWriteBack.AcknowledgeMessage("alice (desk)", "api", "1001"));
    }

    [Fact]
    public void ResolveMessage_TriggerWithoutManualClose_EndsWithTheNote()
    {
        var message = ZabbixWriteBack.NoManualCloseMessage(ZabbixWriteBack.ResolveMessage("desk", "api", "1001"));

        Assert.Equal("[AlertEngine] Resolved by desk via api — ticket 1001 (the trigger does not allow manual close in Zabbix)", message);
    }

    [Fact]
    public void ProblemMessage_NumberAndTitle_NamesThePROBLEM()
    {
        Assert.Equal("[AlertEngine] Recurring: PROBLEM ticket 1004 opened — Keeps coming back: App down",
            ZabbixWriteBack.ProblemMessage("1004", "Keeps coming back: App down"));
    }

    [Fact]
    public void Messages_VeryLongTitle_CutToWhatZabbixStoresKeepingTheNote()
    {
        var problem = ZabbixWriteBack.ProblemMessage("1004", new string('x', 5000));
        var noClose = ZabbixWriteBack.NoManualCloseMessage(ZabbixWriteBack.ResolveMessage(new string('a', 5000), "api", "1"));

        Assert.Equal(ZabbixWriteBack.MaxMessageLength, problem.Length);
        Assert.Equal(ZabbixWriteBack.MaxMessageLength, noClose.Length);
        Assert.EndsWith(ZabbixWriteBack.NoManualCloseNote, noClose, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[AlertEngine] Acknowledged by alice via api — ticket 1001", true)]
    [InlineData("  [AlertEngine] Recurring: PROBLEM ticket 4 opened — x", true)]
    [InlineData("looking at it [AlertEngine]", false)]
    [InlineData("[alertengine] lower case is someone else", false)]
    [InlineData(null, false)]
    public void IsOurs_Message_TrueOnlyWhenItStartsWithTheMarker(string? message, bool ours)
    {
        Assert.Equal(ours, ZabbixWriteBack.IsOurs(message));
    }

    [Fact]
    public void Plan_EventsOnTwoServers_OneRowPerServerWithItsEvents()
    {
        var rows = ZabbixWriteBack.Plan(7, ZabbixWriteBack.AcknowledgeKind, ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, "[AlertEngine] m", Events, _ => true);

        Assert.Equal(["backup", "main"], rows.Select(r => r.Target));
        Assert.All(rows, r => Assert.Equal((ZabbixWriteBack.AcknowledgeKind, 7L), (r.Kind, r.TicketId!.Value)));
        var main = ZabbixWriteBack.Deserialize(rows[1].Payload);
        Assert.Equal(["51", "52"], main.EventIds);
        Assert.Equal(["23137", "23137"], main.TriggerIds);
        Assert.Equal((ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, "[AlertEngine] m"), (main.Action, main.Message));
    }

    [Fact]
    public void Plan_ServerThatDoesNotWriteBack_NoRowForIt()
    {
        var rows = ZabbixWriteBack.Plan(7, ZabbixWriteBack.MessageKind, ZabbixUpdateActions.AddMessage, "m", Events, server => server == "main");

        Assert.Equal("main", Assert.Single(rows).Target);
    }

    [Fact]
    public void Plan_NoUnrecoveredEvents_NothingPlanned()
    {
        Assert.Empty(ZabbixWriteBack.Plan(7, ZabbixWriteBack.CloseKind, ZabbixUpdateActions.Close, "m", [], _ => true));
    }

    [Fact]
    public void Plan_SameWriteTwice_SameDedupKey_OtherKindOrTicketDiffers()
    {
        string Key(string kind, long ticket) => ZabbixWriteBack.Plan(ticket, kind, ZabbixUpdateActions.AddMessage, "m", Events, _ => true)[1].DedupKey;

        Assert.Equal(Key(ZabbixWriteBack.AcknowledgeKind, 7), Key(ZabbixWriteBack.AcknowledgeKind, 7));
        Assert.Equal("v1|zabbix.acknowledge|main|ticket 7|events 51,52", Key(ZabbixWriteBack.AcknowledgeKind, 7));
        Assert.NotEqual(Key(ZabbixWriteBack.AcknowledgeKind, 7), Key(ZabbixWriteBack.CloseKind, 7));
        Assert.NotEqual(Key(ZabbixWriteBack.AcknowledgeKind, 7), Key(ZabbixWriteBack.AcknowledgeKind, 8));
    }
}
