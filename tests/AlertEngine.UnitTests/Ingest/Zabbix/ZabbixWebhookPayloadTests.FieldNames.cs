using System.Text;
using AlertEngine.Ingest.Zabbix;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>
/// How top-level field names are matched: as JSON defines them (escapes spell the same name, a
/// name given twice means its last value), whatever the reader does to find them quickly.
/// </summary>
public sealed partial class ZabbixWebhookPayloadTests
{
    [Fact]
    public void Parse_EscapedFieldNames_AreTheFieldsTheySpell()
    {
        var json = Sample("problem").ToJsonString()
            .Replace("\"event_id\"", "\"\\u0065vent_id\"", StringComparison.Ordinal)
            .Replace("\"severity\"", "\"sev\\u0065rity\"", StringComparison.Ordinal);

        var result = ParseText(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal("51", result.Event!.EventId);
        Assert.Equal(4, result.Event.Severity);
    }

    [Fact]
    public void Parse_FieldGivenTwice_TakesItsLastValue()
    {
        var json = Sample("problem").ToJsonString();
        var first = "{\"severity\":1," + json[1..];
        var last = json[..^1] + ",\"severity\":2}";
        var escapedLast = json[..^1] + ",\"s\\u0065verity\":3}";

        Assert.Equal(4, ParseText(first).Event!.Severity);
        Assert.Equal(2, ParseText(last).Event!.Severity);
        Assert.Equal(3, ParseText(escapedLast).Event!.Severity);
    }

    [Fact]
    public void Parse_FieldGivenTwiceLastInvalid_IsRejectedForThatField()
    {
        var json = Sample("problem").ToJsonString()[..^1] + ",\"severity\":9}";

        var result = ParseText(json);

        Assert.False(result.IsValid);
        Assert.Equal("severity", Assert.Single(result.Errors).Field);
    }

    [Theory]
    [InlineData("\"事件\":1")]
    [InlineData("\"Severity\":5")]
    [InlineData("\"severity_of_the_problem_as_named_by_some_other_tool_entirely\":5")]
    [InlineData("\"sev\\u00e9rity\":5")]
    public void Parse_NamesThatAreNotFields_AreIgnored(string property)
    {
        var json = "{" + property + "," + Sample("problem").ToJsonString()[1..];

        var result = ParseText(json);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(4, result.Event!.Severity);
    }

    private static PayloadResult ParseText(string json) =>
        ZabbixWebhookPayload.Parse(Server, Encoding.UTF8.GetBytes(json));
}
