using System.Text.Json.Nodes;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.Ingest.Zabbix.Polling;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Polling;

/// <summary>
/// What the API says about event 51 (reference/zabbix-6.0-samples) becomes the bodies the media
/// type sends for it, keyed the same: an event seen both ways counts once.
/// </summary>
public sealed class PolledEventBodiesTests
{
    private static readonly ZabbixApiAcknowledge Acknowledgement = new(
        "8", "1", DateTimeOffset.FromUnixTimeSeconds(1_795_638_024), ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage,
        "round 1: acknowledged by the e2e harness", 0, 0);

    private static readonly ZabbixApiEvent Event51 = new()
    {
        EventId = "51",
        TriggerId = "23137",
        Name = "App health critical on srv-acme-web1",
        Severity = 4,
        Clock = DateTimeOffset.FromUnixTimeSeconds(1_795_638_019),
        Acknowledged = true,
        OpData = "Health value: 5",
        Hosts = [new ZabbixApiHost("10560", "srv-acme-web1", "srv-acme-web1", ["Linux servers", "Customers/acme"])],
        Tags = [new("service", "web"), new("band", "high"), new("component", "app"), new("customer", "acme"), new("env", "harness")],
        Acknowledges = [Acknowledgement],
    };

    [Theory]
    [InlineData("problem")]
    [InlineData("update")]
    [InlineData("recovery")]
    public void Bodies_OfReferenceEvent_KeyedLikeTheWebhookSample(string sample)
    {
        var polled = sample switch
        {
            "problem" => PolledEventBodies.Problem("main", Event51),
            "update" => PolledEventBodies.Update("main", Event51, Acknowledgement, "Zabbix Administrator (Admin)"),
            _ => PolledEventBodies.Recovery("main", Event51 with { RecoveryEventId = "53" }, "53", DateTimeOffset.FromUnixTimeSeconds(1_795_638_026)),
        };

        var webhook = ZabbixWebhookPayload.Parse("main", File.ReadAllBytes(RepositoryRoot.Combine("samples", "zabbix", "payloads", $"{sample}.json")));

        Assert.True(webhook.IsValid);
        Assert.Equal(InboxKey.For(webhook.Event!), polled.Key);
        Assert.Equal(PolledEventBodies.Source, polled.Source);
    }

    [Fact]
    public void Problem_ReferenceEvent_ParsesToTheSameEventAsTheWebhookSample()
    {
        var polled = Parse(PolledEventBodies.Problem("main", Event51));
        var webhook = ZabbixWebhookPayload.Parse("main", File.ReadAllBytes(RepositoryRoot.Combine("samples", "zabbix", "payloads", "problem.json"))).Event!;

        // The media type sends the frontend URL and Zabbix's own acknowledged flag; the poller has neither.
        Assert.Equal(webhook with { ZabbixUrl = null, Acknowledged = null, Tags = polled.Tags, HostGroups = polled.HostGroups }, polled);
        Assert.Equal(webhook.Tags, polled.Tags);
        Assert.Equal(["Customers/acme", "Linux servers"], polled.HostGroups);
    }

    [Fact]
    public void Update_ReferenceAcknowledgement_CarriesWordingUserClockAndAcknowledged()
    {
        var e = Parse(PolledEventBodies.Update("main", Event51, Acknowledgement, "Zabbix Administrator (Admin)"));

        Assert.Equal(EventKind.Update, e.Kind);
        Assert.Equal("acknowledged and commented", e.Update!.Action);
        Assert.Equal("round 1: acknowledged by the e2e harness", e.Update.Message);
        Assert.Equal("Zabbix Administrator (Admin)", e.Update.User);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_795_638_024), e.Update.At);
        Assert.True(e.Update.Acknowledges);
        Assert.True(e.Acknowledged);
        Assert.Null(e.Update.NewSeverity);
    }

    [Fact]
    public void Update_SeverityChange_CarriesNewSeverity()
    {
        var change = Acknowledgement with { Action = ZabbixUpdateActions.ChangeSeverity, Message = "", OldSeverity = 4, NewSeverity = 5 };

        var e = Parse(PolledEventBodies.Update("main", Event51, change, "Ann"));

        Assert.Equal(5, e.Update!.NewSeverity);
        Assert.Null(e.Update.Message);
        Assert.Null(e.Acknowledged);
    }

    [Fact]
    public void Problem_SuppressedInZabbix_SuppressedTrue()
    {
        var e = Parse(PolledEventBodies.Problem("main", Event51 with { Suppressed = true }));

        Assert.True(e.Suppressed);
    }

    [Fact]
    public void Problem_SeverityOutsideZabbixRange_RefusedWithTheEventId()
    {
        var error = Assert.Throws<InvalidDataException>(() => PolledEventBodies.Problem("main", Event51 with { Severity = 7 }));

        Assert.Contains("Zabbix event 51", error.Message, StringComparison.Ordinal);
        Assert.Contains("severity", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gone_StoredUpdateBody_BecomesRecoveryZeroWithNoteAndNoUpdateFields()
    {
        var stored = File.ReadAllText(RepositoryRoot.Combine("samples", "zabbix", "payloads", "update.json"));
        var now = DateTimeOffset.FromUnixTimeSeconds(1_795_700_000);

        var incoming = PolledEventBodies.Gone("main", "51", stored, now);
        var e = Parse(incoming);

        Assert.Equal(new InboxKey("main", "51", "recovery:0"), incoming.Key);
        Assert.Equal(EventKind.Recovery, e.Kind);
        Assert.Equal(now, e.RecoveredAt);
        Assert.Null(e.Update);
        Assert.Contains("no longer holds problem 51", e.PollerNote, StringComparison.Ordinal);
        Assert.False(JsonNode.Parse(incoming.Payload)!.AsObject().ContainsKey("update_message"));
    }

    private static ZabbixEvent Parse(IncomingEvent incoming)
    {
        var result = ZabbixWebhookPayload.Parse("main", System.Text.Encoding.UTF8.GetBytes(incoming.Payload));
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Event!;
    }
}
