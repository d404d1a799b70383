namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// What one Zabbix API version needs (reference B2, B5, B7): where the token goes, and the
/// parameter names that changed between 6.0 and 7.2. A pure choice over the version.
/// </summary>
internal sealed record ZabbixApiDialect(
    Version Version,
    bool AuthInBody,
    string EventAcknowledgesParameter,
    string HostGroupsParameter,
    string HostGroupsField)
{
    private static readonly Version BearerSince = new(6, 4);
    private static readonly Version CamelCaseAcknowledgesSince = new(7, 0);
    private static readonly Version HostGroupsSince = new(6, 2);

    /// <summary>
    /// Below 6.4 the token (or session id) goes in the body field <c>auth</c>; from 6.4 only in
    /// <c>Authorization: Bearer</c> (7.2 rejects <c>auth</c>, and 6.4/7.0 prefer the header).
    /// <c>event.get</c> takes <c>select_acknowledges</c> below 7.0 (removed in 7.2), host groups come
    /// from <c>selectGroups</c>/<c>groups</c> below 6.2 and <c>selectHostGroups</c>/<c>hostgroups</c> from 6.2.
    /// </summary>
    public static ZabbixApiDialect For(Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var groups = version >= HostGroupsSince;
        return new ZabbixApiDialect(
            version,
            AuthInBody: version < BearerSince,
            EventAcknowledgesParameter: version >= CamelCaseAcknowledgesSince ? "selectAcknowledges" : "select_acknowledges",
            HostGroupsParameter: groups ? "selectHostGroups" : "selectGroups",
            HostGroupsField: groups ? "hostgroups" : "groups");
    }
}
