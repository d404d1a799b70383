using AlertEngine.Ingest.Zabbix.Api;

namespace AlertEngine.UnitTests.Ingest.Zabbix.Api;

/// <summary>Which auth style and parameter names each Zabbix version gets (reference B2, B5, B7).</summary>
public sealed class ZabbixApiDialectTests
{
    // rule, version, auth in body, event.get acknowledges parameter, host groups parameter, host groups field
    public static TheoryData<string, string, bool, string, string, string> Versions => new()
    {
        { "6.0 LTS: auth field, snake_case acknowledges, groups", "6.0.14", true, "select_acknowledges", "selectGroups", "groups" },
        { "6.2: host groups renamed", "6.2.0", true, "select_acknowledges", "selectHostGroups", "hostgroups" },
        { "6.4: Bearer header", "6.4.21", false, "select_acknowledges", "selectHostGroups", "hostgroups" },
        { "7.0 LTS: camelCase acknowledges", "7.0.5", false, "selectAcknowledges", "selectHostGroups", "hostgroups" },
        { "7.2: Bearer only", "7.2.0", false, "selectAcknowledges", "selectHostGroups", "hostgroups" },
        { "5.4: oldest with tokens", "5.4.0", true, "select_acknowledges", "selectGroups", "groups" },
    };

    [Theory]
    [MemberData(nameof(Versions))]
    public void For_Version_PicksAuthAndNames(string rule, string version, bool authInBody, string acknowledges, string groups, string groupsField)
    {
        var dialect = ZabbixApiDialect.For(Version.Parse(version));

        Assert.True(authInBody == dialect.AuthInBody, rule);
        Assert.Equal(acknowledges, dialect.EventAcknowledgesParameter);
        Assert.Equal(groups, dialect.HostGroupsParameter);
        Assert.Equal(groupsField, dialect.HostGroupsField);
    }
}
