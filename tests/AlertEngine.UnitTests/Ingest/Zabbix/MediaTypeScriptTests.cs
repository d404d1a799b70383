using System.Text.Json;
using System.Text.Json.Nodes;
using Jint.Runtime;
using YamlDotNet.Core;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>
/// The AlertEngine webhook media types in samples/zabbix: file shape, and what their script sends
/// for what Zabbix fills in. Every script test runs against both the 6.0 and the 7.0 file.
/// </summary>
public sealed class MediaTypeScriptTests
{
    private const string EventsUrl = "http://127.0.0.1:5080/api/v1/zabbix/zbx-main/events";

    private static readonly string[] ContractParameters =
    [
        "alertengine_url", "alertengine_server", "alertengine_token", "http_proxy", "event_id", "event_value",
        "event_source", "update_status", "update_action", "update_message", "update_user", "update_date",
        "update_time", "update_nseverity", "recovery_event_id", "recovery_clock", "trigger_id", "severity",
        "event_name", "host", "host_name", "host_groups", "tags", "clock", "opdata", "acknowledged", "zabbix_url",
        "alert_subject",
    ];

    public static TheoryData<string> Versions => ["6.0", "7.0"];

    public static TheoryData<string, string> VersionsAndSamples =>
        new(from version in new[] { "6.0", "7.0" } from sample in new[] { "problem", "update", "recovery" } select (version, sample));

    // rule, status, reply body, text the thrown message must contain
    public static TheoryData<string, string, int, string, string> ErrorReplies => new(
        from version in new[] { "6.0", "7.0" }
        from row in new (string Rule, int Status, string Body, string Expected)[]
        {
            ("401 problem details shows detail", 401, """{"title":"Unauthorized","status":401,"detail":"Token does not match server zbx-main."}""", "Token does not match server zbx-main."),
            ("400 problem details shows detail", 400, """{"title":"Bad Request","status":400,"detail":"clock is required."}""", "clock is required."),
            ("404 title only shows title", 404, """{"title":"Unknown Zabbix server","status":404}""", "Unknown Zabbix server"),
            ("500 plain text shows body", 500, "upstream failure", "upstream failure"),
            ("503 empty body says so", 503, "", "(empty body)"),
        }
        select (version, row.Rule, row.Status, row.Body, row.Expected));

    // parameter, value Zabbix passed, field that must be absent
    public static TheoryData<string, string, string, string> AbsentValues => new(
        from version in new[] { "6.0", "7.0" }
        from row in new (string Parameter, string Value, string Field)[]
        {
            ("recovery_event_id", "{EVENT.RECOVERY.ID}", "recovery_event_id"),
            ("host_name", "*UNKNOWN*", "host_name"),
            ("opdata", "", "opdata"),
            ("zabbix_url", "{$ZABBIX.URL}", "zabbix_url"),
            ("tags", "{EVENT.TAGSJSON}", "tags"),
            ("host_groups", "{TRIGGER.HOSTGROUP.NAME}", "host_groups"),
            ("event_source", "*UNKNOWN*", "event_source"),
        }
        select (version, row.Parameter, row.Value, row.Field));

    // rule, subject Zabbix resolved {ALERT.SUBJECT} to, whether "suppressed": true is sent
    public static TheoryData<string, string, string, string, bool> SuppressedSubjects => new(
        from version in new[] { "6.0", "7.0" }
        from row in new (string Rule, string Sample, string Subject, bool Suppressed)[]
        {
            ("maintenance action's problem subject", "problem", "[suppressed] Problem: App health critical on srv-acme-web1", true),
            ("marker in capitals", "problem", "[SUPPRESSED] Problem: App health critical", true),
            ("marker after spaces", "problem", "  [Suppressed] App health critical", true),
            ("maintenance action's update subject", "update", "[suppressed] Updated: App health critical", true),
            ("maintenance action's recovery subject", "recovery", "[suppressed] Resolved: App health critical", true),
            ("media type's own problem subject", "problem", "Problem: App health critical on srv-acme-web1", false),
            ("marker inside the problem name is not the marker", "problem", "Problem: backup [suppressed] on srv-acme-web1", false),
            ("marker without brackets", "problem", "suppressed Problem: App health critical", false),
            ("unresolved macro", "problem", "{ALERT.SUBJECT}", false),
            ("empty subject", "problem", "", false),
        }
        select (version, row.Rule, row.Sample, row.Subject, row.Suppressed));

    public static TheoryData<string, string, string> MissingSettings => new(
        from version in new[] { "6.0", "7.0" }
        from row in new (string Parameter, string Value)[]
        {
            ("alertengine_token", "{$ALERTENGINE.TOKEN}"),
            ("alertengine_token", ""),
            ("alertengine_url", "{$ALERTENGINE.URL}"),
            ("alertengine_server", "*UNKNOWN*"),
        }
        select (version, row.Parameter, row.Value));

    public static TheoryData<string> Samples => ["problem", "update", "recovery"];

    [Theory]
    [MemberData(nameof(Versions))]
    public void MediaType_File_IsAlertEngineWebhookWithContractParametersAndTemplates(string version)
    {
        var file = MediaTypeFile.Load(version);

        Assert.Equal(version, file.ExportVersion);
        Assert.Equal(version == "6.0", file.ExportDate is not null);
        Assert.Equal(1, file.MediaTypeCount);
        Assert.Equal("AlertEngine", file.Setting("name"));
        Assert.Equal("WEBHOOK", file.Setting("type"));
        Assert.Equal("10", file.Setting("attempts"));
        Assert.Equal("30s", file.Setting("attempt_interval"));
        Assert.Equal("10s", file.Setting("timeout"));
        Assert.Equal("NO", file.Setting("process_tags"));
        Assert.Equal("NO", file.Setting("show_event_menu"));
        Assert.Contains("{$ALERTENGINE.TOKEN}", file.Setting("description"), StringComparison.Ordinal);
        Assert.All(["attempts", "process_tags", "show_event_menu"], key => Assert.NotEqual(ScalarStyle.Plain, file.SettingStyle(key)));

        var parameters = file.Parameters.ToDictionary();
        Assert.Equal(file.Parameters.Count, parameters.Count);
        Assert.All(ContractParameters, name => Assert.Contains(name, parameters.Keys));
        Assert.Equal("{$ALERTENGINE.URL}", parameters["alertengine_url"]);
        Assert.Equal("{EVENT.TAGSJSON}", parameters["tags"]);
        Assert.Equal("{ALERT.SUBJECT}", parameters["alert_subject"]);
        Assert.Equal("", parameters["http_proxy"]);
        Assert.Equal(
            [
                ("TRIGGERS", "PROBLEM", "Problem: {EVENT.NAME}"),
                ("TRIGGERS", "RECOVERY", "Resolved in {EVENT.DURATION}: {EVENT.NAME}"),
                ("TRIGGERS", "UPDATE", "Updated problem in {EVENT.AGE}: {EVENT.NAME}"),
            ],
            file.MessageTemplates);
    }

    [Fact]
    public void MediaType_BothVersions_ShareOneEcmaScript5Script()
    {
        var script = MediaTypeFile.Load("6.0").Script;

        Assert.Equal(script, MediaTypeFile.Load("7.0").Script);
        Assert.StartsWith("var params = JSON.parse(value);", script, StringComparison.Ordinal);
        ZabbixScriptHost.ParseAsEcmaScript5(script);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_Problem_PostsTypedContractBodyWithToken(string version)
    {
        var (host, result, body) = Run(version, "problem");

        Assert.Equal("OK", result);
        Assert.Equal(1, host.RequestsCreated);
        Assert.Equal(EventsUrl, host.PostedUrl);
        Assert.Contains("Content-Type: application/json; charset=utf-8", host.Headers);
        Assert.Contains("X-AlertEngine-Token: " + ReferenceEventMacros.Token, host.Headers);
        Assert.Empty(host.Proxies);
        AssertField(body, "event_id", JsonValueKind.String, "51");
        AssertField(body, "trigger_id", JsonValueKind.String, "23137");
        AssertField(body, "value", JsonValueKind.Number, "1");
        AssertField(body, "update_status", JsonValueKind.Number, "0");
        AssertField(body, "severity", JsonValueKind.Number, "4");
        AssertField(body, "event_source", JsonValueKind.Number, "0");
        AssertField(body, "clock", JsonValueKind.Number, "1795638019");
        AssertField(body, "acknowledged", JsonValueKind.False, "false");
        Assert.Equal(["Customers/acme", "Linux servers"], body["host_groups"]!.AsArray().Select(g => g!.GetValue<string>()));
        Assert.Equal(5, body["tags"]!.AsArray().Count);
        Assert.Equal("service", body["tags"]![0]!["tag"]!.GetValue<string>());
        Assert.Equal("web", body["tags"]![0]!["value"]!.GetValue<string>());
        Assert.All(["recovery_event_id", "recovery_clock", "update_action", "update_user", "update_severity"], f => Assert.False(body.ContainsKey(f), f));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_Update_SendsUpdateFieldsAndAcknowledged(string version)
    {
        var (_, _, body) = Run(version, "update");

        AssertField(body, "update_status", JsonValueKind.Number, "1");
        AssertField(body, "update_action", JsonValueKind.String, "acknowledged and commented");
        AssertField(body, "update_message", JsonValueKind.String, "round 1: acknowledged by the e2e harness");
        AssertField(body, "update_user", JsonValueKind.String, "Zabbix Administrator (Admin)");
        AssertField(body, "update_date", JsonValueKind.String, "2026.11.25");
        AssertField(body, "update_time", JsonValueKind.String, "20:20:24");
        AssertField(body, "update_clock", JsonValueKind.Number, "1795638024");
        AssertField(body, "acknowledged", JsonValueKind.True, "true");
        Assert.False(body.ContainsKey("update_severity"), "unresolved {EVENT.UPDATE.NSEVERITY}");
    }

    [Fact]
    public void Script_UpdateForUserOutsideUtc_UpdateClockLearnsOffsetFromEventTime()
    {
        // A 7.0 user on Asia/Shanghai: dates and times are 8 hours ahead of UTC, the timestamp is not.
        var (_, _, body) = Run("7.0", "update", ("event_date", "2026.11.26"), ("event_time", "04:20:19"), ("update_date", "2026.11.26"), ("update_time", "04:20:24"));

        AssertField(body, "clock", JsonValueKind.Number, "1795638019");
        AssertField(body, "update_clock", JsonValueKind.Number, "1795638024");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_UpdateWithResolvedNewSeverity_SendsUpdateSeverityAsNumber(string version)
    {
        var (_, _, body) = Run(version, "update", ("update_nseverity", "5"));

        AssertField(body, "update_severity", JsonValueKind.Number, "5");
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_Recovery_SendsValueZeroWithRecoveryEventAndClock(string version)
    {
        var (_, _, body) = Run(version, "recovery");

        AssertField(body, "value", JsonValueKind.Number, "0");
        AssertField(body, "event_id", JsonValueKind.String, "51");
        AssertField(body, "recovery_event_id", JsonValueKind.String, "53");
        AssertField(body, "recovery_clock", JsonValueKind.Number, "1795638026");
        Assert.False(body.ContainsKey("update_action"));
    }

    [Theory]
    [MemberData(nameof(VersionsAndSamples))]
    public void Script_ReferenceEvent_BodyEqualsSamplePayload(string version, string sample)
    {
        var (_, _, body) = Run(version, sample);

        var expected = JsonNode.Parse(File.ReadAllText(SamplePath(sample)));
        Assert.True(JsonNode.DeepEquals(expected, body), $"{sample}.json differs from what the script sent:\n{body}");
    }

    [Theory]
    [MemberData(nameof(AbsentValues))]
    public void Script_ValueEmptyUnknownOrUnresolved_FieldOmitted(string version, string parameter, string value, string field)
    {
        var (_, _, body) = Run(version, "problem", (parameter, value));

        Assert.False(body.ContainsKey(field), $"{parameter} = '{value}' should leave out {field}");
    }

    [Theory]
    [MemberData(nameof(SuppressedSubjects))]
    public void Script_SubjectStartsWithSuppressedMarker_SendsSuppressedTrueElseNoField(string version, string rule, string sample, string subject, bool suppressed)
    {
        var (_, _, body) = Run(version, sample, ("alert_subject", subject));

        if (suppressed)
        {
            AssertField(body, "suppressed", JsonValueKind.True, "true");
        }
        else
        {
            Assert.False(body.ContainsKey("suppressed"), $"{rule}: '{subject}' should leave out suppressed");
        }
    }

    [Theory]
    [MemberData(nameof(ErrorReplies))]
    public void Script_NonSuccessReply_ThrowsWithStatusAndReason(string version, string rule, int status, string reply, string expected)
    {
        var host = new ZabbixScriptHost { ReplyStatus = status, ReplyBody = reply };
        var file = MediaTypeFile.Load(version);

        var error = Assert.Throws<JavaScriptException>(() => host.Run(file.Script, ValueJson(file, "problem")));

        Assert.Contains($"HTTP {status}", error.Message, StringComparison.Ordinal);
        // A plain string: Zabbix shows an Error object as "Error: ..." plus a script stack line.
        Assert.True(error.Error.Type == Jint.Runtime.Types.String, $"{rule}: the script should throw a string, not {error.Error.Type}");
        Assert.True(error.Message.Contains(expected, StringComparison.Ordinal), $"{rule}: {error.Message}");
        Assert.DoesNotContain(ReferenceEventMacros.Token, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(MissingSettings))]
    public void Script_SettingMissing_ThrowsBeforeAnyRequest(string version, string parameter, string value)
    {
        var host = new ZabbixScriptHost();
        var file = MediaTypeFile.Load(version);

        var error = Assert.Throws<JavaScriptException>(() => host.Run(file.Script, ValueJson(file, "problem", (parameter, value))));

        Assert.Contains(parameter, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.RequestsCreated);
        Assert.Null(host.PostedUrl);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_ProxyAndOddServerName_SetsProxyAndEscapesServer(string version)
    {
        var (host, _, _) = Run(version, "problem", ("http_proxy", "socks5://10.0.0.9:1080"), ("alertengine_url", "https://ae.example.com//"), ("alertengine_server", "zbx main/2"));

        Assert.Equal(["socks5://10.0.0.9:1080"], host.Proxies);
        Assert.Equal("https://ae.example.com/api/v1/zabbix/zbx%20main%2F2/events", host.PostedUrl);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public void Script_AnyRun_NeverLogsToken(string version)
    {
        var (host, _, _) = Run(version, "update");

        Assert.NotEmpty(host.Logs);
        Assert.All(host.Logs, line => Assert.DoesNotContain(ReferenceEventMacros.Token, line, StringComparison.Ordinal));
    }

    [Fact]
    public void Script_OnlyCurlHttpRequestDefined_PostsThroughOldApi()
    {
        var host = new ZabbixScriptHost { OnlyCurlHttpRequest = true };
        var file = MediaTypeFile.Load("6.0");

        Assert.Equal("OK", host.Run(file.Script, ValueJson(file, "problem")));
        Assert.Equal(EventsUrl, host.PostedUrl);
        Assert.Contains("X-AlertEngine-Token: " + ReferenceEventMacros.Token, host.Headers);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void SamplePayload_File_HasRequiredContractFieldsWithTypes(string sample)
    {
        var body = JsonNode.Parse(File.ReadAllText(SamplePath(sample)))!.AsObject();

        AssertField(body, "event_id", JsonValueKind.String, "51");
        AssertField(body, "trigger_id", JsonValueKind.String, "23137");
        AssertField(body, "severity", JsonValueKind.Number, "4");
        AssertField(body, "clock", JsonValueKind.Number, "1795638019");
        AssertField(body, "host", JsonValueKind.String, "srv-acme-web1");
        Assert.Equal(JsonValueKind.String, body["event_name"]!.GetValueKind());
        Assert.Equal(sample == "recovery" ? 0 : 1, body["value"]!.GetValue<int>());
        Assert.Equal(sample == "update" ? 1 : 0, body["update_status"]!.GetValue<int>());
        Assert.Equal(JsonValueKind.Array, body["host_groups"]!.GetValueKind());
        Assert.Equal(JsonValueKind.Array, body["tags"]!.GetValueKind());
    }

    private static (ZabbixScriptHost Host, string Result, JsonObject Body) Run(string version, string sample, params (string Name, string Value)[] overrides)
    {
        var host = new ZabbixScriptHost();
        var file = MediaTypeFile.Load(version);
        var result = host.Run(file.Script, ValueJson(file, sample, overrides));
        return (host, result, JsonNode.Parse(host.PostedBody!)!.AsObject());
    }

    private static string ValueJson(MediaTypeFile file, string sample, params (string Name, string Value)[] overrides) =>
        ReferenceEventMacros.ValueJson(file, ReferenceEventMacros.For(sample), overrides);

    private static string SamplePath(string sample) => RepositoryRoot.Combine("samples", "zabbix", "payloads", sample + ".json");

    private static void AssertField(JsonObject body, string name, JsonValueKind kind, string expected)
    {
        Assert.True(body.TryGetPropertyValue(name, out var node) && node is not null, $"{name} is missing");
        Assert.Equal(kind, node.GetValueKind());
        Assert.Equal(expected, kind == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString());
    }
}
