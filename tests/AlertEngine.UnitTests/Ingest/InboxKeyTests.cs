using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.UnitTests.Ingest.Zabbix;

namespace AlertEngine.UnitTests.Ingest;

/// <summary>What counts as the same delivery: (server, problem event id, update key).</summary>
public sealed class InboxKeyTests
{
    private static readonly ZabbixUpdate Acknowledged =
        new("acknowledged and commented", "on it", "Zabbix Administrator (Admin)", "2026.11.25", "20:20:24", NewSeverity: null);

    // rule: the field of the update that differs
    public static TheoryData<string> UpdateFields => ["date", "time", "user", "action", "message", "new severity"];

    [Fact]
    public void For_Problem_IsServerEventIdAndProblem()
    {
        var key = InboxKey.For(ZabbixEvents.Problem());

        Assert.Equal(new InboxKey("main", "51", "problem"), key);
    }

    [Fact]
    public void For_Recovery_NamesTheRecoveryEvent()
    {
        var key = InboxKey.For(ZabbixEvents.Recovery("53"));

        Assert.Equal(new InboxKey("main", "51", "recovery:53"), key);
    }

    [Fact]
    public void For_Update_IsUpdateWithShortLowerCaseHash()
    {
        var key = InboxKey.For(ZabbixEvents.Update(Acknowledged));

        Assert.Equal("main", key.Server);
        Assert.Equal("51", key.EventId);
        Assert.Matches("^update:[0-9a-f]{16}$", key.UpdateKey);
    }

    [Fact]
    public void For_SameUpdateTwice_SameKey()
    {
        var first = InboxKey.For(ZabbixEvents.Update(Acknowledged));
        var second = InboxKey.For(ZabbixEvents.Update(Acknowledged with { }));

        Assert.Equal(first, second);
    }

    [Fact]
    public void For_IdenticalBodyDeliveredTwice_SameKey()
    {
        foreach (var sample in new[] { "problem", "update", "recovery" })
        {
            var first = InboxKey.For(ParseSample(sample));
            var retry = InboxKey.For(ParseSample(sample));

            Assert.Equal(first, retry);
        }
    }

    [Fact]
    public void For_ThreeSamplesOfOneProblem_ThreeDifferentKeys()
    {
        var keys = new[] { "problem", "update", "recovery" }.Select(s => InboxKey.For(ParseSample(s))).ToList();

        Assert.Equal(3, keys.Distinct().Count());
        Assert.All(keys, k => Assert.Equal("51", k.EventId));
    }

    [Theory]
    [MemberData(nameof(UpdateFields))]
    public void For_UpdatesDifferingInOneField_DifferentKeys(string field)
    {
        var other = field switch
        {
            "date" => Acknowledged with { Date = "2026.11.26" },
            "time" => Acknowledged with { Time = "20:20:25" },
            "user" => Acknowledged with { User = "Ann Engineer (ann)" },
            "action" => Acknowledged with { Action = "commented" },
            "message" => Acknowledged with { Message = "on it, restarting" },
            "new severity" => Acknowledged with { NewSeverity = 5 },
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "no such update field"),
        };

        Assert.NotEqual(InboxKey.For(ZabbixEvents.Update(Acknowledged)), InboxKey.For(ZabbixEvents.Update(other)));
    }

    [Fact]
    public void For_TextMovedBetweenUserAndMessage_DifferentKeys()
    {
        // Run together, both read "AnnLee restarted it": the fields must be kept apart.
        var first = Acknowledged with { User = "Ann", Message = "Lee restarted it" };
        var second = Acknowledged with { User = "AnnLee", Message = " restarted it" };

        Assert.NotEqual(InboxKey.For(ZabbixEvents.Update(first)), InboxKey.For(ZabbixEvents.Update(second)));
    }

    [Fact]
    public void For_UpdateWithClock_IsClockAndMessageHash()
    {
        var key = InboxKey.For(ZabbixEvents.Update(Acknowledged with { At = DateTimeOffset.FromUnixTimeSeconds(1_795_638_024) }));

        Assert.Matches("^update:1795638024:[0-9a-f]{16}$", key.UpdateKey);
    }

    [Fact]
    public void For_UpdateWithClock_WebhookWordingAndApiWordingOfOneUpdate_SameKey()
    {
        // The webhook names the user and words the action; the poller has a user id and a bitmask.
        var at = DateTimeOffset.FromUnixTimeSeconds(1_795_638_024);
        var webhook = Acknowledged with { At = at, Message = "on it " };
        var poller = new ZabbixUpdate("acknowledged, commented", "on it", "Zabbix user 1", null, null, null) { At = at };

        Assert.Equal(InboxKey.For(ZabbixEvents.Update(webhook)), InboxKey.For(ZabbixEvents.Update(poller)));
    }

    [Fact]
    public void For_UpdatesWithClockDifferingInTimeOrMessage_DifferentKeys()
    {
        var first = Acknowledged with { At = DateTimeOffset.FromUnixTimeSeconds(1_795_638_024) };

        Assert.NotEqual(InboxKey.For(ZabbixEvents.Update(first)), InboxKey.For(ZabbixEvents.Update(first with { At = first.At!.Value.AddSeconds(1) })));
        Assert.NotEqual(InboxKey.For(ZabbixEvents.Update(first)), InboxKey.For(ZabbixEvents.Update(first with { Message = "restarting" })));
        Assert.Equal(InboxKey.For(ZabbixEvents.Update(first with { Message = null })), InboxKey.For(ZabbixEvents.Update(first with { Message = "  " })));
    }

    [Fact]
    public void For_SameEventOnTwoServers_DifferentKeys()
    {
        var main = InboxKey.For(ZabbixEvents.Problem());
        var other = InboxKey.For(ZabbixEvents.Problem() with { Server = "zbx-eu" });

        Assert.NotEqual(main, other);
    }

    [Fact]
    public void For_RecoveriesWithDifferentRecoveryIds_DifferentKeys()
    {
        Assert.NotEqual(InboxKey.For(ZabbixEvents.Recovery("53")), InboxKey.For(ZabbixEvents.Recovery("54")));
    }

    [Fact]
    public void For_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => InboxKey.For(null!));
    }

    private static ZabbixEvent ParseSample(string name)
    {
        var body = File.ReadAllBytes(RepositoryRoot.Combine("samples", "zabbix", "payloads", $"{name}.json"));
        var result = ZabbixWebhookPayload.Parse("main", body);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Event!;
    }
}
