using System.Text.Json;
using System.Text.RegularExpressions;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>
/// What the Zabbix server fills in for the reference event (event 51 on srv-acme-web1, see
/// reference/zabbix-6.0-samples): macros it knows are replaced, the others stay as their own text.
/// </summary>
internal static partial class ReferenceEventMacros
{
    public const string Token = "s3cret-token-51";

    public const string BaseUrl = "http://127.0.0.1:5080/";

    public const string ServerName = "zbx-main";

    // Added in Zabbix 7.0; a 6.0 server passes them to the script unresolved.
    private static readonly string[] SinceZabbix70 = ["{EVENT.TIMESTAMP}", "{EVENT.RECOVERY.TIMESTAMP}"];

    /// <summary>Macros for the notification of the given sample: problem, update or recovery.</summary>
    public static Dictionary<string, string> For(string sample) => sample switch
    {
        "problem" => Problem(),
        "update" => Update(),
        "recovery" => Recovery(),
        _ => throw new ArgumentOutOfRangeException(nameof(sample), sample, "problem, update or recovery"),
    };

    /// <summary>The <c>value</c> JSON a Zabbix server of <paramref name="file"/>'s version passes to the script.</summary>
    public static string ValueJson(MediaTypeFile file, Dictionary<string, string> macros, params (string Name, string Value)[] overrides)
    {
        var known = file.ExportVersion == "6.0" ? macros.Where(m => !SinceZabbix70.Contains(m.Key)).ToDictionary() : macros;
        var parameters = file.Parameters.ToDictionary(
            p => p.Key,
            p => MacroPattern().Replace(p.Value, m => known.TryGetValue(m.Value, out var resolved) ? resolved : m.Value));
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }

        return JsonSerializer.Serialize(parameters);
    }

    private static Dictionary<string, string> Problem() => new(StringComparer.Ordinal)
    {
        ["{$ALERTENGINE.URL}"] = BaseUrl,
        ["{$ALERTENGINE.SERVER}"] = ServerName,
        ["{$ALERTENGINE.TOKEN}"] = Token,
        ["{$ZABBIX.URL}"] = "https://zabbix.example.com/",
        ["{EVENT.ID}"] = "51",
        ["{EVENT.VALUE}"] = "1",
        ["{EVENT.SOURCE}"] = "0",
        ["{EVENT.UPDATE.STATUS}"] = "0",
        ["{EVENT.NSEVERITY}"] = "4",
        ["{EVENT.NAME}"] = "App health critical on srv-acme-web1",
        ["{TRIGGER.ID}"] = "23137",
        ["{HOST.HOST}"] = "srv-acme-web1",
        ["{HOST.NAME}"] = "srv-acme-web1",
        ["{TRIGGER.HOSTGROUP.NAME}"] = "Customers/acme, Linux servers",
        ["{EVENT.TAGSJSON}"] = """[{"tag":"service","value":"web"},{"tag":"band","value":"high"},{"tag":"component","value":"app"},{"tag":"customer","value":"acme"},{"tag":"env","value":"harness"}]""",
        ["{EVENT.TIMESTAMP}"] = "1795638019",
        ["{EVENT.DATE}"] = "2026.11.25",
        ["{EVENT.TIME}"] = "20:20:19",
        ["{EVENT.OPDATA}"] = "Health value: 5",
        ["{EVENT.ACK.STATUS}"] = "No",
        // Outside an update Zabbix cannot name a user.
        ["{USER.FULLNAME}"] = "*UNKNOWN*",
        // The subject of the media type's own message template, as the normal action sends it.
        ["{ALERT.SUBJECT}"] = "Problem: App health critical on srv-acme-web1",
    };

    // {EVENT.UPDATE.NSEVERITY} stays unresolved: the server fills it only for service events.
    private static Dictionary<string, string> Update()
    {
        var macros = Problem();
        macros["{EVENT.UPDATE.STATUS}"] = "1";
        macros["{EVENT.UPDATE.ACTION}"] = "acknowledged and commented";
        macros["{EVENT.UPDATE.MESSAGE}"] = "round 1: acknowledged by the e2e harness";
        macros["{EVENT.UPDATE.DATE}"] = "2026.11.25";
        macros["{EVENT.UPDATE.TIME}"] = "20:20:24";
        macros["{USER.FULLNAME}"] = "Zabbix Administrator (Admin)";
        macros["{EVENT.ACK.STATUS}"] = "Yes";
        macros["{ALERT.SUBJECT}"] = "Updated problem in 5s: App health critical on srv-acme-web1";
        return macros;
    }

    private static Dictionary<string, string> Recovery()
    {
        var macros = Problem();
        macros["{EVENT.VALUE}"] = "0";
        macros["{EVENT.RECOVERY.ID}"] = "53";
        macros["{EVENT.RECOVERY.TIMESTAMP}"] = "1795638026";
        macros["{EVENT.RECOVERY.DATE}"] = "2026.11.25";
        macros["{EVENT.RECOVERY.TIME}"] = "20:20:26";
        macros["{EVENT.OPDATA}"] = "Health value: 0";
        macros["{EVENT.ACK.STATUS}"] = "Yes";
        macros["{ALERT.SUBJECT}"] = "Resolved in 7s: App health critical on srv-acme-web1";
        return macros;
    }

    [GeneratedRegex(@"\{[^{}]+\}")]
    private static partial Regex MacroPattern();
}
