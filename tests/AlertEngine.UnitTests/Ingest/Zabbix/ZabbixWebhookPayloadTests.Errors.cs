using System.Text;
using System.Text.Json.Nodes;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>A bad webhook body: every error reported at once, each naming the JSON field it concerns.</summary>
public sealed partial class ZabbixWebhookPayloadTests
{
    // rule, sample to start from, field to change, its new JSON value (null: remove the field), field the error must name
    public static TheoryData<string, string, string, string?, string> MalformedFields => new()
    {
        { "event_id missing", "problem", "event_id", null, "event_id" },
        { "event_id null counts as missing", "problem", "event_id", "null", "event_id" },
        { "event_id with letters", "problem", "event_id", "\"51a\"", "event_id" },
        { "event_id empty", "problem", "event_id", "\"\"", "event_id" },
        { "event_id negative number", "problem", "event_id", "-51", "event_id" },
        { "event_id fraction", "problem", "event_id", "51.5", "event_id" },
        { "event_id longer than 20 digits", "problem", "event_id", "\"123456789012345678901\"", "event_id" },
        { "event_id an object", "problem", "event_id", "{\"id\":51}", "event_id" },
        { "value missing", "problem", "value", null, "value" },
        { "value 2 is neither problem nor recovery", "problem", "value", "2", "value" },
        { "value as a string", "problem", "value", "\"1\"", "value" },
        { "update_status missing", "problem", "update_status", null, "update_status" },
        { "update_status 2", "problem", "update_status", "2", "update_status" },
        { "severity missing", "problem", "severity", null, "severity" },
        { "severity above disaster", "problem", "severity", "6", "severity" },
        { "severity negative", "problem", "severity", "-1", "severity" },
        { "severity fraction", "problem", "severity", "4.5", "severity" },
        { "event_name missing", "problem", "event_name", null, "event_name" },
        { "event_name blank", "problem", "event_name", "\"   \"", "event_name" },
        { "event_name a number", "problem", "event_name", "42", "event_name" },
        { "event_name longer than 4096", "problem", "event_name", $"\"{new string('x', 4097)}\"", "event_name" },
        { "trigger_id missing", "problem", "trigger_id", null, "trigger_id" },
        { "trigger_id unresolved macro", "problem", "trigger_id", "\"{TRIGGER.ID}\"", "trigger_id" },
        { "host missing", "problem", "host", null, "host" },
        { "host empty", "problem", "host", "\"\"", "host" },
        { "host_name a number", "problem", "host_name", "7", "host_name" },
        { "clock missing", "problem", "clock", null, "clock" },
        { "clock as a string", "problem", "clock", "\"1795638019\"", "clock" },
        { "clock in milliseconds", "problem", "clock", "1795638019000", "clock" },
        { "clock before 2000", "problem", "clock", "0", "clock" },
        { "clock fraction", "problem", "clock", "1795638019.5", "clock" },
        { "event_source internal event", "problem", "event_source", "3", "event_source" },
        { "host_groups a string", "problem", "host_groups", "\"Linux servers\"", "host_groups" },
        { "host_groups with a number", "problem", "host_groups", "[\"Linux servers\", 1]", "host_groups" },
        { "tags an object", "problem", "tags", "{\"service\":\"web\"}", "tags" },
        { "tags item without tag", "problem", "tags", "[{\"value\":\"web\"}]", "tags[0]" },
        { "tags second item a string", "problem", "tags", "[{\"tag\":\"service\",\"value\":\"web\"}, \"env\"]", "tags[1]" },
        { "tags value a number", "problem", "tags", "[{\"tag\":\"band\",\"value\":4}]", "tags[0]" },
        { "acknowledged as a string", "problem", "acknowledged", "\"true\"", "acknowledged" },
        { "opdata an array", "problem", "opdata", "[\"Health value: 5\"]", "opdata" },
        { "zabbix_url a number", "problem", "zabbix_url", "1", "zabbix_url" },
        { "recovery without recovery_event_id", "recovery", "recovery_event_id", null, "recovery_event_id" },
        { "recovery with empty recovery_event_id", "recovery", "recovery_event_id", "\"\"", "recovery_event_id" },
        { "recovery_event_id not digits: one error, not also 'required'", "recovery", "recovery_event_id", "\"x\"", "recovery_event_id" },
        { "recovery_clock as a string", "recovery", "recovery_clock", "\"1795638026\"", "recovery_clock" },
        { "update without update_action", "update", "update_action", null, "update_action" },
        { "update with empty update_action", "update", "update_action", "\"\"", "update_action" },
        { "update_action a number: one error, not also 'required'", "update", "update_action", "1", "update_action" },
        { "update_severity above disaster", "update", "update_severity", "9", "update_severity" },
        { "update_message a number", "update", "update_message", "5", "update_message" },
    };

    // rule, body
    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "empty body", "" },
        { "not JSON", "event_id=51&value=1" },
        { "truncated JSON", "{\"event_id\": \"51\", \"value\": 1" },
        { "array, not object", "[{\"event_id\": \"51\"}]" },
        { "string, not object", "\"event\"" },
        { "null", "null" },
        { "nested deeper than 8", "{\"a\":[[[[[[[[[1]]]]]]]]]}" },
    };


    [Theory]
    [MemberData(nameof(MalformedFields))]
    public void Parse_MalformedField_FailsNamingTheField(string rule, string sample, string field, string? json, string expectedField)
    {
        var body = Sample(sample);
        if (json is null)
        {
            Assert.True(body.Remove(field), rule);
        }
        else
        {
            body[field] = JsonNode.Parse(json);
        }

        var result = Parse(body);

        Assert.False(result.IsValid, rule);
        Assert.Null(result.Event);
        var error = Assert.Single(result.Errors);
        Assert.Equal(expectedField, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Reason), rule);
    }

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public void Parse_BodyNotAJsonObject_FailsNamingBody(string rule, string body)
    {
        var result = ZabbixWebhookPayload.Parse(Server, Encoding.UTF8.GetBytes(body));

        Assert.False(result.IsValid, rule);
        var error = Assert.Single(result.Errors);
        Assert.Equal("body", error.Field);
    }

    // rule, field of the problem sample, raw JSON value (bytes) that is not Unicode text (issue #3: these threw, a 500)
    public static TheoryData<string, string, byte[]> NotUnicode => new()
    {
        { "invalid UTF-8 in host", "host", [(byte)'"', 0xFF, (byte)'"'] },
        { "UTF-8-encoded surrogate in event_name", "event_name", [(byte)'"', 0xED, 0xA0, 0x80, (byte)'"'] },
        { "invalid UTF-8 in a field the engine ignores", "extra", [(byte)'"', 0xC0, 0xAF, (byte)'"'] },
        { "lone high surrogate escape in host", "host", "\"srv-\\uD800-web1\""u8.ToArray() },
        { "lone low surrogate escape in event_id", "event_id", "\"\\uDC00\""u8.ToArray() },
        { "surrogate escapes in the wrong order in a tag value", "tags", "[{\"tag\":\"x\",\"value\":\"\\uDC00\\uD800\"}]"u8.ToArray() },
        { "lone surrogate escape in host_groups", "host_groups", "[\"\\uDBFF\"]"u8.ToArray() },
    };

    [Theory]
    [MemberData(nameof(NotUnicode))]
    public void Parse_TextThatIsNotUnicode_FailsNamingBodyInsteadOfThrowing(string rule, string field, byte[] value)
    {
        var body = Sample("problem");
        body[field] = "HOLE";
        var text = Encoding.UTF8.GetBytes(body.ToJsonString());
        var at = text.AsSpan().IndexOf("\"HOLE\""u8);

        var result = ZabbixWebhookPayload.Parse(Server, (byte[])[.. text[..at], .. value, .. text[(at + 6)..]]);

        Assert.False(result.IsValid, rule);
        var error = Assert.Single(result.Errors);
        Assert.Equal("body", error.Field);
    }

    [Fact]
    public void Parse_ThreeRequiredFieldsMissing_ReportsThreeErrors()
    {
        var body = Sample("problem");
        body.Remove("event_id");
        body.Remove("host");
        body.Remove("clock");

        var result = Parse(body);

        Assert.False(result.IsValid);
        Assert.Equal(["clock", "event_id", "host"], result.Errors.Select(e => e.Field).Order());
        Assert.All(result.Errors, e => Assert.Equal("is required", e.Reason));
    }

    [Fact]
    public void Parse_EmptyObject_ReportsEveryRequiredField()
    {
        var result = ZabbixWebhookPayload.Parse(Server, "{}"u8.ToArray());

        Assert.Equal(
            ["clock", "event_id", "event_name", "host", "severity", "trigger_id", "update_status", "value"],
            result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Parse_DifferentKindsOfErrors_ReportsEachOnce()
    {
        var body = Sample("update");
        body["severity"] = 7;
        body["clock"] = "yesterday";
        body["tags"] = "service:web";
        body.Remove("update_action");

        var result = Parse(body);

        Assert.Equal(["clock", "severity", "tags", "update_action"], result.Errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void PayloadError_ToString_IsFieldThenReason()
    {
        var result = ZabbixWebhookPayload.Parse(Server, """{"value": 1}"""u8.ToArray());

        Assert.Contains("event_id is required", result.Errors.Select(e => e.ToString()));
    }
}
