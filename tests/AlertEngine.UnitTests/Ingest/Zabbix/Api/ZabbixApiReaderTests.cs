using System.Text.Json;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Api;

/// <summary>Replies of a real Zabbix 6.0.14 (samples/zabbix/api-6.0/) and hand-made edge cases, read into the engine's records.</summary>
public sealed class ZabbixApiReaderTests
{
    [Fact]
    public void Events_Real60Sample_ReadsStringsAsNumbersHostsTagsAndAcknowledges()
    {
        var e = Assert.Single(ZabbixApiReader.Events(Sample("event.get.json")));

        Assert.Equal("51", e.EventId);
        Assert.Equal("23137", e.TriggerId);
        Assert.Equal("App health critical on srv-acme-web1", e.Name);
        Assert.Equal(4, e.Severity);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795638019), e.Clock);
        Assert.Equal("53", e.RecoveryEventId);
        Assert.True(e.Acknowledged);
        Assert.False(e.Suppressed);
        Assert.Equal("Health value: 0", e.OpData);
        Assert.Equal(new ZabbixApiHost("10560", "srv-acme-web1", "srv-acme-web1", []), Assert.Single(e.Hosts) with { Groups = [] });
        Assert.Equal(new EventTag("service", "web"), e.Tags[0]);
        Assert.Equal(5, e.Tags.Count);
        var ack = Assert.Single(e.Acknowledges);
        Assert.Equal("8", ack.AcknowledgeId);
        Assert.Equal("1", ack.UserId);
        Assert.Equal(ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, ack.Action);
        Assert.Equal(6, (int)ack.Action);
        Assert.Equal("round 1: acknowledged by the e2e harness", ack.Message);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795638024), ack.Clock);
        Assert.Equal("Zabbix Administrator (Admin)", ack.UserName);
    }

    [Fact]
    public void Problems_Real60Sample_ReadsTheOpenProblem()
    {
        var p = Assert.Single(ZabbixApiReader.Problems(Sample("problem.get.json")));

        Assert.Equal(new ZabbixApiProblem("51", "23137", "App health critical on srv-acme-web1", 4, DateTimeOffset.FromUnixTimeSeconds(1795638019)), p);
    }

    [Fact]
    public void Events_OpenProblemWithNumbersNotStrings_ReadsThemAndNoRecovery()
    {
        var e = Assert.Single(ZabbixApiReader.Events(Json("""[{"eventid":7,"objectid":9,"clock":60,"name":"x","severity":5,"r_eventid":"0","acknowledged":0,"suppressed":"1","opdata":""}]""")));

        Assert.Equal("7", e.EventId);
        Assert.Equal(5, e.Severity);
        Assert.Null(e.RecoveryEventId);
        Assert.True(e.Suppressed);
        Assert.Null(e.OpData);
        Assert.Empty(e.Hosts);
        Assert.Empty(e.Tags);
        Assert.Empty(e.Acknowledges);
    }

    [Fact]
    public void Events_EntryWithoutEventId_Skipped()
    {
        Assert.Empty(ZabbixApiReader.Events(Json("""[{"name":"no id"}]""")));
    }

    [Fact]
    public void Events_ResultNotAnArray_Empty()
    {
        Assert.Empty(ZabbixApiReader.Events(Json("""{"eventids":["1"]}""")));
    }

    [Theory]
    [InlineData("groups")]
    [InlineData("hostgroups")]
    public void WithGroups_HostGetReply_AttachesGroupNamesByHost(string field)
    {
        var events = ZabbixApiReader.Events(Sample("event.get.json"));
        var groups = ZabbixApiReader.HostGroups(Json($$"""[{"hostid":"10560","{{field}}":[{"name":"Linux servers"},{"name":"Acme"}]}]"""), field);

        var host = Assert.Single(Assert.Single(ZabbixApiReader.WithGroups(events, groups)).Hosts);

        Assert.Equal(["Linux servers", "Acme"], host.Groups);
    }

    [Fact]
    public void HostIds_TwoEventsOnOneHost_OnceEach()
    {
        var events = ZabbixApiReader.Events(Json("""
            [{"eventid":"1","hosts":[{"hostid":"20","host":"b","name":"b"},{"hostid":"10","host":"a","name":"a"}]},
             {"eventid":"2","hosts":[{"hostid":"10","host":"a","name":"a"}]}]
            """));

        Assert.Equal(["10", "20"], ZabbixApiReader.HostIds(events));
    }

    // rule, user.get entry, expected display name
    public static TheoryData<string, string, string> Users => new()
    {
        { "name, surname and username", """{"userid":"1","username":"Admin","name":"Zabbix","surname":"Administrator"}""", "Zabbix Administrator (Admin)" },
        { "empty names: just the username", """{"userid":"1","username":"ops","name":"","surname":""}""", "ops" },
        { "only a first name", """{"userid":"1","username":"li","name":"Li","surname":""}""", "Li (li)" },
        { "legacy alias instead of username", """{"userid":"1","alias":"old","name":"","surname":""}""", "old" },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void UserNames_UserGetEntry_DisplayName(string rule, string user, string expected)
    {
        var names = ZabbixApiReader.UserNames(Json($"[{user}]"));

        Assert.True(names.TryGetValue("1", out var name), rule);
        Assert.Equal(expected, name);
    }

    [Fact]
    public void ManualClose_TriggerGetReply_ByTriggerId()
    {
        var triggers = ZabbixApiReader.ManualClose(Json("""[{"triggerid":"1","manual_close":"1"},{"triggerid":"2","manual_close":"0"}]"""));

        Assert.True(triggers["1"]);
        Assert.False(triggers["2"]);
    }

    [Fact]
    public void Clocks_EventGetReply_ByEventId()
    {
        var clocks = ZabbixApiReader.Clocks(Json("""[{"eventid":"53","clock":"1795638100"}]"""));

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795638100), clocks["53"]);
    }

    [Theory]
    [InlineData("""[{"eventid":"12345"}]""", 12345L)]
    [InlineData("[]", null)]
    public void LatestEventId_EventGetReply_FirstIdOrNull(string result, long? expected)
    {
        Assert.Equal(expected, ZabbixApiReader.LatestEventId(Json(result)));
    }

    [Theory]
    [InlineData("\"6.0.14\"", "6.0.14")]
    [InlineData("\"7.0.0alpha1\"", "7.0.0")]
    [InlineData("\"7.2\"", "7.2")]
    public void Version_ApiinfoVersion_Parsed(string result, string expected)
    {
        Assert.Equal(Version.Parse(expected), ZabbixApiReader.Version(Json(result)));
    }

    [Fact]
    public void Version_NotAVersion_FormatException()
    {
        Assert.Throws<FormatException>(() => ZabbixApiReader.Version(Json("\"seven\"")));
    }

    private static JsonElement Sample(string name) => Json(File.ReadAllText(RepositoryRoot.Combine("samples", "zabbix", "api-6.0", name)));

    private static JsonElement Json(string text)
    {
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}
