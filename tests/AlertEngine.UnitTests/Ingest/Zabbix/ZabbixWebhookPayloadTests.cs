using System.Text;
using System.Text.Json.Nodes;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>
/// What the webhook accepts: the three samples in samples/zabbix/payloads, ids, optional and
/// unknown fields. What it rejects, and how it says so, is in ZabbixWebhookPayloadTests.Errors.cs.
/// </summary>
public sealed partial class ZabbixWebhookPayloadTests
{
    private const string Server = "main";

    private static readonly DateTimeOffset SampleProblemAt = new(2026, 11, 25, 20, 20, 19, TimeSpan.Zero);

    // rule, field, id as JSON, id expected
    public static TheoryData<string, string, string, string> Ids => new()
    {
        { "event_id as a string of digits", "event_id", "\"51\"", "51" },
        { "event_id as a JSON integer", "event_id", "51", "51" },
        { "event_id largest 64-bit integer", "event_id", "18446744073709551615", "18446744073709551615" },
        { "trigger_id as a JSON integer", "trigger_id", "23137", "23137" },
        { "recovery_event_id as a JSON integer", "recovery_event_id", "53", "53" },
    };

    // rule, sample, optional field whose empty or blank value must become null
    public static TheoryData<string, string, string> EmptyOptionalStrings => new()
    {
        { "host_name", "problem", "host_name" },
        { "opdata", "problem", "opdata" },
        { "zabbix_url", "problem", "zabbix_url" },
        { "update_message", "update", "update_message" },
        { "update_user", "update", "update_user" },
        { "update_date", "update", "update_date" },
        { "update_time", "update", "update_time" },
    };

    [Fact]
    public void Parse_ProblemSample_IsProblemWithEveryField()
    {
        var e = ParseValid("problem");

        Assert.Equal(Server, e.Server);
        Assert.Equal(EventKind.Problem, e.Kind);
        Assert.Equal("51", e.EventId);
        Assert.Equal("23137", e.TriggerId);
        Assert.Equal(4, e.Severity);
        Assert.Equal("App health critical on srv-acme-web1", e.EventName);
        Assert.Equal("srv-acme-web1", e.Host);
        Assert.Equal("srv-acme-web1", e.HostName);
        Assert.Equal(SampleProblemAt, e.ProblemAt);
        Assert.Equal(TimeSpan.Zero, e.ProblemAt.Offset);
        Assert.Equal(["Customers/acme", "Linux servers"], e.HostGroups);
        Assert.Equal(
            [new("service", "web"), new("band", "high"), new("component", "app"), new("customer", "acme"), new("env", "harness")],
            e.Tags);
        Assert.False(e.Acknowledged);
        Assert.Equal("Health value: 5", e.OpData);
        Assert.Equal("https://zabbix.example.com/", e.ZabbixUrl);
        Assert.Null(e.Update);
        Assert.Null(e.RecoveryEventId);
        Assert.Null(e.RecoveredAt);
    }

    [Fact]
    public void Parse_RecoverySample_IsRecoveryWithRecoveryIdAndClock()
    {
        var e = ParseValid("recovery");

        Assert.Equal(EventKind.Recovery, e.Kind);
        Assert.Equal("51", e.EventId);
        Assert.Equal("23137", e.TriggerId);
        Assert.Equal(4, e.Severity);
        Assert.Equal(SampleProblemAt, e.ProblemAt);
        Assert.Equal("53", e.RecoveryEventId);
        Assert.Equal(SampleProblemAt.AddSeconds(7), e.RecoveredAt);
        Assert.True(e.Acknowledged);
        Assert.Equal("Health value: 0", e.OpData);
        Assert.Null(e.Update);
    }

    [Fact]
    public void Parse_UpdateSample_IsUpdateThatAcknowledges()
    {
        var e = ParseValid("update");

        Assert.Equal(EventKind.Update, e.Kind);
        Assert.Equal("51", e.EventId);
        Assert.Equal(SampleProblemAt, e.ProblemAt);
        Assert.Equal(
            new ZabbixUpdate(
                "acknowledged and commented",
                "round 1: acknowledged by the e2e harness",
                "Zabbix Administrator (Admin)",
                "2026.11.25",
                "20:20:24",
                NewSeverity: null)
            {
                At = DateTimeOffset.FromUnixTimeSeconds(1_795_638_024),
            },
            e.Update);
        Assert.True(e.Update!.Acknowledges);
        Assert.False(e.Update.Unacknowledges);
        Assert.True(e.Acknowledged);
        Assert.Null(e.RecoveryEventId);
        Assert.Null(e.RecoveredAt);
    }

    [Fact]
    public void Parse_UpdateWithNewSeverity_CarriesIt()
    {
        var body = Sample("update");
        body["update_action"] = "changed severity from High to Disaster";
        body["update_severity"] = 5;

        var e = ParseValid(body);

        Assert.Equal(5, e.Update!.NewSeverity);
        Assert.Equal("changed severity from High to Disaster", e.Update.Action);
    }

    [Fact]
    public void Parse_UpdateOnResolvedProblem_IsUpdateNotRecovery()
    {
        var body = Sample("update");
        body["value"] = 0;
        body["recovery_event_id"] = "53";
        body["recovery_clock"] = 1795638026;

        var e = ParseValid(body);

        Assert.Equal(EventKind.Update, e.Kind);
        Assert.NotNull(e.Update);
        Assert.Null(e.RecoveryEventId);
        Assert.Null(e.RecoveredAt);
    }

    [Fact]
    public void Parse_ProblemCarryingUpdateFields_IgnoresThem()
    {
        var body = Sample("problem");
        body["update_action"] = "acknowledged";
        body["recovery_event_id"] = "53";

        var e = ParseValid(body);

        Assert.Equal(EventKind.Problem, e.Kind);
        Assert.Null(e.Update);
        Assert.Null(e.RecoveryEventId);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Parse_IdAsStringOrInteger_IsDigits(string rule, string field, string json, string expected)
    {
        var body = Sample("recovery");
        body[field] = JsonNode.Parse(json);

        var e = ParseValid(body);

        var actual = field switch
        {
            "event_id" => e.EventId,
            "trigger_id" => e.TriggerId,
            _ => e.RecoveryEventId,
        };
        Assert.True(expected == actual, $"{rule}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Parse_UnknownFields_AreIgnored()
    {
        var body = Sample("problem");
        body["event_rank"] = "cause";
        body["future_field"] = JsonNode.Parse("""{"nested": [1, "two", null]}""");
        body["severity_name"] = 4;

        var result = Parse(body);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var expected = ParseValid("problem");
        Assert.Equal(expected with { HostGroups = [], Tags = [] }, result.Event! with { HostGroups = [], Tags = [] });
        Assert.Equal(expected.Tags, result.Event!.Tags);
        Assert.Equal(expected.HostGroups, result.Event.HostGroups);
    }

    [Theory]
    [MemberData(nameof(EmptyOptionalStrings))]
    public void Parse_EmptyOptionalString_BecomesNull(string rule, string sample, string field)
    {
        foreach (var empty in new[] { "", "  " })
        {
            var body = Sample(sample);
            body[field] = empty;

            var e = ParseValid(body);

            object? actual = field switch
            {
                "host_name" => e.HostName,
                "opdata" => e.OpData,
                "zabbix_url" => e.ZabbixUrl,
                "update_message" => e.Update!.Message,
                "update_user" => e.Update!.User,
                "update_date" => e.Update!.Date,
                "update_time" => e.Update!.Time,
                _ => throw new ArgumentOutOfRangeException(nameof(field), field, rule),
            };
            Assert.True(actual is null, $"{rule} \"{empty}\" became \"{actual}\"");
        }
    }

    [Fact]
    public void Parse_OptionalFieldsAbsentOrNull_AreEmptyOrNull()
    {
        var body = Sample("problem");
        foreach (var field in new[] { "host_name", "host_groups", "tags", "event_source", "acknowledged", "opdata" })
        {
            body.Remove(field);
        }

        body["zabbix_url"] = null;

        var e = ParseValid(body);

        Assert.Null(e.HostName);
        Assert.Empty(e.HostGroups);
        Assert.Empty(e.Tags);
        Assert.Null(e.Acknowledged);
        Assert.Null(e.OpData);
        Assert.Null(e.ZabbixUrl);
    }

    [Fact]
    public void Parse_EmptyHostGroupNames_AreDropped()
    {
        var body = Sample("problem");
        body["host_groups"] = JsonNode.Parse("""["", "Linux servers"]""");

        var e = ParseValid(body);

        Assert.Equal(["Linux servers"], e.HostGroups);
    }

    [Fact]
    public void Parse_TagWithoutOrWithNullValue_HasEmptyValue()
    {
        var body = Sample("problem");
        body["tags"] = JsonNode.Parse("""[{"tag": "maintenance"}, {"tag": "owner", "value": null}]""");

        var e = ParseValid(body);

        Assert.Equal([new("maintenance", ""), new("owner", "")], e.Tags);
    }

    [Fact]
    public void Parse_RecoveryWithoutRecoveryClock_IsValidWithoutRecoveredAt()
    {
        var body = Sample("recovery");
        body.Remove("recovery_clock");

        var e = ParseValid(body);

        Assert.Equal(EventKind.Recovery, e.Kind);
        Assert.Equal("53", e.RecoveryEventId);
        Assert.Null(e.RecoveredAt);
    }

    [Fact]
    public void Parse_Server_IsTakenFromTheCallerNotTheBody()
    {
        var body = Sample("problem");
        body["server"] = "other";

        var result = ZabbixWebhookPayload.Parse("zbx-eu", Encoding.UTF8.GetBytes(body.ToJsonString()));

        Assert.Equal("zbx-eu", result.Event!.Server);
    }

    [Fact]
    public void Parse_BodyWithUtf8ByteOrderMark_IsAccepted()
    {
        var body = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Sample("problem").ToJsonString())).ToArray();

        var result = ZabbixWebhookPayload.Parse(Server, body);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
    }

    private static JsonObject Sample(string name) =>
        JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "zabbix", "payloads", $"{name}.json")))!.AsObject();

    private static PayloadResult Parse(JsonObject body) =>
        ZabbixWebhookPayload.Parse(Server, Encoding.UTF8.GetBytes(body.ToJsonString()));

    private static ZabbixEvent ParseValid(string sample) =>
        ParseValid(Sample(sample));

    private static ZabbixEvent ParseValid(JsonObject body)
    {
        var result = Parse(body);
        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        return result.Event!;
    }
}
