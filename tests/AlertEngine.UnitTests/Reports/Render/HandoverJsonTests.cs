using System.Text.Json;
using AlertEngine.Reports;
using AlertEngine.Reports.Render;

namespace AlertEngine.UnitTests.Reports.Render;

/// <summary>The handover report as JSON: totals, lists, names of enums, UTC instants, durations in seconds, stable bytes.</summary>
public sealed class HandoverJsonTests
{
    private static readonly string Busy = HandoverJson.Render(SampleReports.Busy(), ReportLanguage.En);

    [Fact]
    public void Render_BusyShift_CountsEveryTotal()
    {
        using var json = JsonDocument.Parse(Busy);
        var totals = json.RootElement.GetProperty("totals");

        string[] keys = ["openNow", "opened", "acknowledged", "resolved", "breached", "events", "pagesSent", "pagesFailed", "pagesHeld"];
        Assert.Equal([3, 2, 1, 1, 1, 24, 2, 1, 1], keys.Select(k => totals.GetProperty(k).GetInt32()));
        Assert.Equal([1, 1, 1, 0], new[] { "L1", "L2", "L3", "L4" }.Select(l => totals.GetProperty("openByLevel").GetProperty(l).GetInt32()));
        Assert.False(json.RootElement.GetProperty("quiet").GetBoolean());
        Assert.Equal("en", json.RootElement.GetProperty("language").GetString());
    }

    [Fact]
    public void Render_BusyShift_ListsEverythingWithItsLength()
    {
        using var json = JsonDocument.Parse(Busy);
        var root = json.RootElement;

        string[] lists = ["openTickets", "opened", "acknowledged", "resolved", "breached", "problems", "noisiestTriggers", "noisiestHosts", "pages", "failedPages", "heldPages", "maintenance", "calendarWarnings", "nextShift", "eventsPerHour"];
        Assert.Equal([3, 2, 1, 1, 1, 1, 2, 2, 2, 1, 1, 1, 1, 2, 9], lists.Select(l => root.GetProperty(l).GetArrayLength()));
        Assert.Equal(["1201", "1195", "1180"], root.GetProperty("openTickets").EnumerateArray().Select(t => t.GetProperty("number").GetString()));
    }

    [Fact]
    public void Render_BusyShift_WritesClocksInstantsAndNames()
    {
        using var json = JsonDocument.Parse(Busy);
        var root = json.RootElement;
        var overdue = root.GetProperty("openTickets")[0];
        var acknowledged = root.GetProperty("openTickets")[1];
        var page = root.GetProperty("pages")[0];

        Assert.Equal("Asia/Shanghai", root.GetProperty("shift").GetProperty("timeZone").GetString());
        Assert.Equal("2026-03-02T00:00:00Z", root.GetProperty("shift").GetProperty("from").GetString());
        Assert.Equal(("L1", "open", "ALERT"), (overdue.GetProperty("level").GetString(), overdue.GetProperty("state").GetString(), overdue.GetProperty("type").GetString()));
        Assert.Equal("2026-03-02T07:55:00Z", overdue.GetProperty("respond").GetProperty("dueAt").GetString());
        Assert.Equal(-35 * 60, overdue.GetProperty("respond").GetProperty("leftSeconds").GetInt64());
        Assert.True(overdue.GetProperty("respond").GetProperty("past").GetBoolean());
        Assert.Equal(JsonValueKind.Null, overdue.GetProperty("respond").GetProperty("outcome").ValueKind);
        Assert.Equal("met", acknowledged.GetProperty("respond").GetProperty("outcome").GetString());
        Assert.Equal((2 * 3600) + (5 * 60), acknowledged.GetProperty("resolve").GetProperty("leftSeconds").GetInt64());
        Assert.Equal(SampleReports.ScriptTitle, acknowledged.GetProperty("title").GetString());
        Assert.Equal(("sms", 240L, "sms"), (page.GetProperty("channel").GetString(), page.GetProperty("timeToAcknowledgeSeconds").GetInt64(), page.GetProperty("acknowledgedVia").GetString()));
        Assert.Equal("call", root.GetProperty("failedPages")[0].GetProperty("channel").GetString());
        Assert.Equal("ops", root.GetProperty("nextShift")[1].GetProperty("coveringTeam").GetString());
    }

    [Fact]
    public void Render_SameReport_GivesTheSameBytesAndLanguageOnlyChangesItsField()
    {
        var chinese = HandoverJson.Render(SampleReports.Busy(), ReportLanguage.ZhCn);

        Assert.Equal(Busy, HandoverJson.Render(SampleReports.Busy(), ReportLanguage.En));
        Assert.Equal(Busy.Replace("\"language\": \"en\"", "\"language\": \"zh-CN\"", StringComparison.Ordinal), chinese);
        Assert.StartsWith("{\n  \"language\": \"en\",\n  \"quiet\": false,\n", Busy, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_QuietShift_SaysQuiet()
    {
        using var json = JsonDocument.Parse(HandoverJson.Render(SampleReports.Quiet(), ReportLanguage.En));

        Assert.True(json.RootElement.GetProperty("quiet").GetBoolean());
        Assert.Equal(0, json.RootElement.GetProperty("totals").GetProperty("events").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("openTickets").GetArrayLength());
    }
}
