using AlertEngine.Ingest.Zabbix;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Watch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Watch;

/// <summary>
/// The watch on the real engine and database, on a fake clock: the dead-man watch opens the L1
/// ticket when webhooks from a server that sends them stop while its Zabbix keeps recording
/// events, and resolves it when a webhook arrives again; an API down past BlindAfter opens it too.
/// </summary>
public sealed class BlindMonitoringWatchTests : EngineTestBase
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(T0);
    private readonly FakePollerZabbix _zabbix = new(EngineHost.ServerA);

    private protected override TimeProvider Clock => _clock;

    [Fact]
    public async Task DeadMan_WebhooksStopWhileZabbixRecordsEvents_L1TicketOpensThenResolvesOnTheNextWebhook()
    {
        await DeliverAsync(Samples.Problem);
        _clock.Advance(TimeSpan.FromMinutes(31));
        _zabbix.Add(Event("60", _clock.GetUtcNow().AddMinutes(-2)));
        _zabbix.Health = Answering();

        var opened = await WatchAsync();

        Assert.Equal(BlindAction.Open, opened.Action);
        var ticket = Assert.Single(await Engine.ListAsync("?level=L1"));
        Assert.Equal(("ALERT", "open", "monitoring blind: zbx-a"), (ticket.Type, ticket.State, ticket.Title));
        Assert.Contains("has sent no webhook since 2026-11-26 02:00:00 UTC", (await Engine.GetAsync(ticket.Number)).Timeline![0].Text, StringComparison.Ordinal);
        Assert.Equal(BlindAction.None, (await WatchAsync()).Action);

        await DeliverAsync(Samples.Update);
        var resolved = await WatchAsync();

        Assert.Equal(BlindAction.Resolve, resolved.Action);
        Assert.Equal(("resolved", "AlertEngine"), ((await Engine.GetAsync(ticket.Number)).State, (await Engine.GetAsync(ticket.Number)).ResolvedBy));
    }

    [Fact]
    public async Task Blind_ApiFailingLongerThanBlindAfter_OneTicketWhateverTheNumberOfRuns()
    {
        _zabbix.Health = new ZabbixApiHealth(false, T0.AddMinutes(-1), T0, "Connection refused (127.0.0.1:8080)", null);
        _clock.Advance(TimeSpan.FromMinutes(6));

        await WatchAsync();
        await WatchAsync();

        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(("L1", "monitoring blind: zbx-a"), (ticket.Level, ticket.Title));
        Assert.Contains("Connection refused (127.0.0.1:8080)", (await Engine.GetAsync(ticket.Number)).Timeline![0].Text, StringComparison.Ordinal);
    }

    private ZabbixApiHealth Answering() => new(true, _clock.GetUtcNow(), null, null, new Version(6, 0, 14));

    private static ZabbixApiEvent Event(string id, DateTimeOffset at) => new()
    {
        EventId = id,
        TriggerId = "23199",
        Name = "CPU load high on srv-acme-db1",
        Severity = 3,
        Clock = at,
        Hosts = [new ZabbixApiHost("10561", "srv-acme-db1", "srv-acme-db1", [])],
    };

    private Task<BlindVerdict> WatchAsync() =>
        Engine.App.Services.GetRequiredService<BlindMonitoringWatch>().WatchAsync(_zabbix, new ZabbixApiOptions(), TestContext.Current.CancellationToken);
}
