using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Api;

/// <summary>The params of each call, exactly (property order is fixed), per version where it matters.</summary>
public sealed class ZabbixApiRequestsTests
{
    private static readonly ZabbixApiDialect V60 = ZabbixApiDialect.For(new Version(6, 0, 14));
    private static readonly ZabbixApiDialect V70 = ZabbixApiDialect.For(new Version(7, 0, 5));

    [Fact]
    public void ProblemEventsAfter_60_SnakeCaseAcknowledges()
    {
        Assert.Equal(
            """{"output":["eventid","objectid","clock","name","severity","r_eventid","acknowledged","suppressed","opdata"],"source":0,"object":0,"value":1,"eventid_from":"101","selectHosts":["hostid","host","name"],"selectTags":["tag","value"],"select_acknowledges":["acknowledgeid","userid","clock","action","message","old_severity","new_severity"],"sortfield":["eventid"],"sortorder":"ASC","limit":500}""",
            ZabbixApiRequests.ProblemEventsAfter(V60, 100, 500).ToJsonString());
    }

    [Fact]
    public void Events_70_CamelCaseAcknowledges()
    {
        var json = ZabbixApiRequests.Events(V70, ["51", "52"]).ToJsonString();

        Assert.Contains("\"eventids\":[\"51\",\"52\"]", json, StringComparison.Ordinal);
        Assert.Contains("\"selectAcknowledges\":", json, StringComparison.Ordinal);
        Assert.DoesNotContain("select_acknowledges", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6.0.14", """{"output":["hostid"],"hostids":["10560"],"selectGroups":["name"]}""")]
    [InlineData("7.0.5", """{"output":["hostid"],"hostids":["10560"],"selectHostGroups":["name"]}""")]
    public void HostGroups_Version_GroupsParameter(string version, string expected)
    {
        Assert.Equal(expected, ZabbixApiRequests.HostGroups(ZabbixApiDialect.For(Version.Parse(version)), ["10560"]).ToJsonString());
    }

    [Fact]
    public void Acknowledge_WithMessage_EventIdsActionMessage()
    {
        var request = new ZabbixAcknowledgeRequest(["51"], ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, "taken by Li (AE-12)");

        Assert.Equal("""{"eventids":["51"],"action":6,"message":"taken by Li (AE-12)"}""", ZabbixApiRequests.Acknowledge(request).ToJsonString());
    }

    [Fact]
    public void Acknowledge_CloseOnly_NoMessage()
    {
        var request = new ZabbixAcknowledgeRequest(["51", "60"], ZabbixUpdateActions.Close, "ignored");

        Assert.Equal("""{"eventids":["51","60"],"action":1}""", ZabbixApiRequests.Acknowledge(request).ToJsonString());
    }

    [Fact]
    public void Others_FixedBodies()
    {
        Assert.Equal("""{"output":["eventid"],"source":0,"object":0,"sortfield":["eventid"],"sortorder":"DESC","limit":1}""", ZabbixApiRequests.LatestEventId().ToJsonString());
        Assert.Equal("""{"output":["eventid","objectid","clock","name","severity"],"source":0,"object":0,"sortfield":["eventid"],"sortorder":"ASC","limit":50}""", ZabbixApiRequests.OpenProblems(50).ToJsonString());
        Assert.Equal("""{"output":["eventid","clock"],"eventids":["53"]}""", ZabbixApiRequests.EventClocks(["53"]).ToJsonString());
        Assert.Equal("""{"output":["triggerid","manual_close"],"triggerids":["23137"]}""", ZabbixApiRequests.ManualClose(["23137"]).ToJsonString());
        Assert.Equal("""{"output":["userid","username","name","surname"],"userids":["1"]}""", ZabbixApiRequests.UserNames(["1"]).ToJsonString());
        Assert.Equal("""{"username":"alertengine","password":"pw"}""", ZabbixApiRequests.Login("alertengine", "pw").ToJsonString());
    }

    [Theory]
    [InlineData("https://zabbix.example.com/api_jsonrpc.php", "https://zabbix.example.com/api_jsonrpc.php")]
    [InlineData("https://zabbix.example.com/", "https://zabbix.example.com/api_jsonrpc.php")]
    [InlineData("http://10.0.0.5/zabbix", "http://10.0.0.5/zabbix/api_jsonrpc.php")]
    public void Address_ApiUrl_PointsAtApiJsonRpc(string url, string expected)
    {
        Assert.Equal(new Uri(expected), ZabbixApiClients.Address(url));
    }
}
