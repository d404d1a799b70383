using System.Text.Json.Nodes;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Sla;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// SLA clocks on the whole engine with a fake clock: deadlines from the Zabbix problem's start in
/// business time, met by the first acknowledgement, recomputed when the level changes, and the
/// watcher's warning, breach and escalations made once each, also across a restart.
/// </summary>
public sealed class SlaClockTests : EngineTestBase
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly FakeTimeProvider _clock = new(Local(2026, 11, 27, 17, 0));

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task L3_RaisedFriday17_RespondByMonday1230_MetByAnAcknowledgementThroughTheApi()
    {
        await DeliverAsync(Problem("701", Local(2026, 11, 27, 17, 0).ToUnixTimeSeconds(), o => o["severity"] = 3));
        var number = Assert.Single(await Engine.ListAsync()).Number;

        var opened = await Engine.GetAsync(number);
        Assert.Equal("L3", opened.Level);
        var sla = await SlaOfAsync(number);
        Assert.Equal(Local(2026, 11, 30, 12, 30), (DateTimeOffset)sla["respondBy"]!);
        Assert.Equal(Local(2026, 11, 30, 17, 0), (DateTimeOffset)sla["resolveBy"]!);
        Assert.Equal(Local(2026, 12, 1, 17, 0), (DateTimeOffset)sla["hardLimit"]!);
        Assert.Contains("SLA L3, business time from 2026-11-27 17:00 Asia/Shanghai: respond by 2026-11-30 12:30 Asia/Shanghai", opened.Timeline!.Single(t => t.Kind == "sla").Text, StringComparison.Ordinal);

        _clock.SetUtcNow(Local(2026, 11, 30, 10, 0));
        using (var ack = await Engine.ActAsync(number, "acknowledge"))
        {
            Assert.True(ack.IsSuccessStatusCode);
        }

        sla = await SlaOfAsync(number);
        Assert.Equal(("met", Local(2026, 11, 30, 10, 0)), ((string?)sla["respond"], (DateTimeOffset)sla["respondedAt"]!));
        Assert.Null((string?)sla["resolve"]);
        Assert.Equal(0, await WatchAsync());
    }

    [Fact]
    public async Task LevelChangedFromL3ToL1MidWay_DeadlinesRecomputedFromTheStart_BreachRecordedOnceAcrossARestart()
    {
        var start = Local(2026, 11, 27, 18, 0);
        _clock.SetUtcNow(start);
        await DeliverAsync(Problem("702", start.ToUnixTimeSeconds(), o => o["severity"] = 3));
        var number = Assert.Single(await Engine.ListAsync()).Number;

        _clock.SetUtcNow(start.AddHours(1));
        await DeliverAsync(Samples.With(SeverityChanged("702", start.ToUnixTimeSeconds(), severity: 3, newSeverity: 5, time: "03:00:00"), o => o["update_clock"] = start.AddHours(1).ToUnixTimeSeconds()));

        var ticket = await Engine.GetAsync(number);
        Assert.Equal("L1", ticket.Level);
        var sla = await SlaOfAsync(number);
        Assert.Equal((start.AddMinutes(15), start.AddMinutes(60), start.AddHours(4)), ((DateTimeOffset)sla["respondBy"]!, (DateTimeOffset)sla["resolveBy"]!, (DateTimeOffset)sla["hardLimit"]!));
        Assert.Contains(ticket.Timeline!, t => t.Kind == "sla" && t.Text.StartsWith("SLA recomputed for L1 (was L3), around the clock", StringComparison.Ordinal));

        Assert.Equal(2, await WatchAsync());
        Assert.Equal(0, await WatchAsync());
        await RestartAsync();
        Assert.Equal(0, await WatchAsync());

        sla = await SlaOfAsync(number);
        Assert.Equal(("breached", "breached"), ((string?)sla["respond"], (string?)sla["resolve"]));
        var lines = (await Engine.GetAsync(number)).Timeline!.Where(t => t.Channel == "sla" && t.Kind != "sla").ToList();
        Assert.Equal(["sla-breach", "sla-breach"], lines.Select(t => t.Kind));
        Assert.Equal("SLA breach: nobody responded by 2026-11-27 18:15 Asia/Shanghai (L1): escalate to the senior engineer", lines[0].Text);
    }

    [Fact]
    public async Task L1_WarnedAt75PercentThenBreached_EachOnce()
    {
        var start = _clock.GetUtcNow();
        await DeliverAsync(Problem("703", start.ToUnixTimeSeconds(), o => o["severity"] = 5));
        var number = Assert.Single(await Engine.ListAsync()).Number;

        _clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(0, await WatchAsync());
        _clock.Advance(TimeSpan.FromSeconds(15));
        Assert.Equal(1, await WatchAsync());
        Assert.Equal(0, await WatchAsync());
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, await WatchAsync());

        var lines = (await Engine.GetAsync(number)).Timeline!.Where(t => t.Kind is "sla-escalation" or "sla-breach").ToList();
        Assert.Equal(["sla-escalation", "sla-breach"], lines.Select(t => t.Kind));
        Assert.Equal("SLA: nobody has responded and the respond deadline 2026-11-27 17:15 Asia/Shanghai is near: page again per the L1 escalation policy", lines[0].Text);

        using (var ack = await Engine.ActAsync(number, "acknowledge"))
        {
            Assert.True(ack.IsSuccessStatusCode);
        }

        Assert.Equal("breached", (string?)(await SlaOfAsync(number))["respond"]);
    }

    [Fact]
    public async Task L1_AcknowledgedInZabbixBeforeRespondBy_ArrivingAfterIt_MetAtTheZabbixClock()
    {
        var start = _clock.GetUtcNow();
        await DeliverAsync(Problem("705", start.ToUnixTimeSeconds(), o => o["severity"] = 5));
        var number = Assert.Single(await Engine.ListAsync()).Number;

        // Acknowledged in Zabbix at +10 min; the update reaches the engine at +20 min (respond by +15 min).
        _clock.Advance(TimeSpan.FromMinutes(20));
        await DeliverAsync(Samples.With(Samples.Update, o =>
        {
            o["event_id"] = "705";
            o["clock"] = start.ToUnixTimeSeconds();
            o["severity"] = 5;
            o["update_clock"] = start.AddMinutes(10).ToUnixTimeSeconds();
        }));

        var sla = await SlaOfAsync(number);
        Assert.Equal(("met", start.AddMinutes(10)), ((string?)sla["respond"], (DateTimeOffset)sla["respondedAt"]!));
    }

    [Fact]
    public async Task L1_RecoveredInZabbixBeforeResolveBy_ArrivingAfterIt_ResolveMetAtTheRecoveryClock()
    {
        var start = _clock.GetUtcNow();
        await DeliverAsync(Problem("706", start.ToUnixTimeSeconds(), o => o["severity"] = 5));
        var number = Assert.Single(await Engine.ListAsync()).Number;

        // Recovered at +50 min (resolve by +60 min); the engine hears of it at +70 min (a catch-up after a restart).
        _clock.Advance(TimeSpan.FromMinutes(70));
        await DeliverAsync(Recovery("706", start.ToUnixTimeSeconds(), start.AddMinutes(50).ToUnixTimeSeconds(), o => o["severity"] = 5));

        var ticket = await Engine.GetAsync(number);
        Assert.Equal(("resolved", start.AddMinutes(50)), (ticket.State, ticket.ResolvedAt));
        Assert.Equal("met", (string?)(await SlaOfAsync(number))["resolve"]);
    }

    [Fact]
    public async Task Summary_AfterAnL3MetOnMonday_CountsItWithMttaInBusinessTime()
    {
        await DeliverAsync(Problem("704", Local(2026, 11, 27, 17, 0).ToUnixTimeSeconds(), o => o["severity"] = 3));
        var number = Assert.Single(await Engine.ListAsync()).Number;
        _clock.SetUtcNow(Local(2026, 11, 30, 10, 0));
        using (var ack = await Engine.ActAsync(number, "acknowledge"))
        {
            Assert.True(ack.IsSuccessStatusCode);
        }

        var summary = JsonNode.Parse(await Engine.Client.GetStringAsync("/api/v1/sla/summary?from=2026-11-27&to=2026-12-01", TestContext.Current.CancellationToken))!;

        var l3 = summary["levels"]!.AsArray().Single()!;
        Assert.Equal(("L3", "business", 1, 1, 0), ((string?)l3["key"], (string?)l3["counted"], (int)l3["tickets"]!, (int)l3["respondMet"]!, (int)l3["respondBreached"]!));
        // Friday 17:00-18:00 and Monday 09:30-10:00: 1.5 business hours.
        Assert.Equal(5400, (long)l3["mtta"]!["meanSeconds"]!);
        Assert.Equal("acme", (string?)summary["customers"]!.AsArray().Single()!["key"]);
    }

    [Fact]
    public async Task Summary_BadWindow_400NamingTheField()
    {
        using var response = await Engine.Client.GetAsync("/api/v1/sla/summary?from=yesterday", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from must be a local time", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    private static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), Shanghai.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    private Task<int> WatchAsync() =>
        Engine.App.Services.GetRequiredService<SlaWatch>().RunAsync(TestContext.Current.CancellationToken);

    private async Task<JsonObject> SlaOfAsync(string number)
    {
        var json = await Engine.Client.GetStringAsync($"/api/v1/tickets/{number}", TestContext.Current.CancellationToken);
        return JsonNode.Parse(json)!["sla"]!.AsObject();
    }
}
