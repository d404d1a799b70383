using AlertEngine.IntegrationTests.Support;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Paging;

/// <summary>
/// Quiet where it should be: an L3 event at 20:00 pages at 09:30 the next business day; a ticket
/// that resolves before its held page goes out cancels it; Zabbix maintenance never pages; a storm
/// of L3 pages to one person is held by the per-person limit and goes out as one bundled SMS.
/// </summary>
public sealed class QuietWhereItShouldBeTests : PagingTestBase
{
    [Fact]
    public async Task L3At2000_HeldUntil0930NextBusinessDay_ThenPagesWhoIsOnDutyThen()
    {
        Time.SetUtcNow(Local(2026, 12, 1, 20, 0));
        await DeliverAsync(Average("821"));
        var number = Assert.Single(await Engine.ListAsync()).Number;
        Assert.Contains((await Engine.GetAsync(number)).Timeline!, t => t.Kind == "page-held" && t.Text.Contains("2026-12-02 09:30 +08:00", StringComparison.Ordinal));

        Time.SetUtcNow(Local(2026, 12, 2, 9, 29));
        Assert.Equal(0, await RunEscalationsAsync());
        Assert.Empty(Twilio.Sms());

        // The engine's own escalation job may fire the step first (it runs on the real clock once a
        // minute in tests): either way exactly one SMS goes out, which is what is asserted.
        Time.SetUtcNow(Local(2026, 12, 2, 9, 30));
        await RunEscalationsAsync();
        var onDuty = Roster.OnDutyAt("ops", Time.GetUtcNow()).Primary!;
        await Eventually.TrueAsync(() => SmsTo(onDuty.Id).Count == 1, 10, $"the held SMS to {onDuty.Name} at 09:30");
        Assert.Empty(Twilio.Calls());
    }

    [Fact]
    public async Task HeldPage_TicketResolvedBeforeMorning_NeverSent()
    {
        Time.SetUtcNow(Local(2026, 12, 1, 20, 0));
        await DeliverAsync(Average("822"));
        Time.SetUtcNow(Local(2026, 12, 1, 22, 0));
        await DeliverAsync(Recovery("822", Local(2026, 12, 1, 20, 0).ToUnixTimeSeconds(), Local(2026, 12, 1, 22, 0).ToUnixTimeSeconds(), o => o["severity"] = 3));

        Time.SetUtcNow(Local(2026, 12, 2, 9, 30));
        Assert.Equal(0, await RunEscalationsAsync());
        await PagesSettledAsync();
        Assert.Empty(Twilio.Sms());
        Assert.Empty(Pages());
    }

    [Fact]
    public async Task DisasterInZabbixMaintenance_TicketedNeverPaged()
    {
        await DeliverAsync(Problem("823", Time.GetUtcNow().ToUnixTimeSeconds(), o =>
        {
            o["severity"] = 5;
            o["suppressed"] = true;
        }));

        Assert.True(Assert.Single(await Engine.ListAsync()).Suppressed);
        await AdvanceAsync(TimeSpan.FromHours(1));
        await PagesSettledAsync();
        Assert.Empty(Pages());
        Assert.Empty(Twilio.Sms());
        Assert.Empty(Twilio.Calls());
    }

    [Fact]
    public async Task StormOfL3PagesToOnePerson_LimitHoldsTheRest_ThenOneBundledSms()
    {
        Time.SetUtcNow(Local(2026, 12, 1, 10, 0));
        var onDuty = Roster.OnDutyAt("ops", Time.GetUtcNow()).Primary!;
        for (var i = 0; i < 6; i++)
        {
            await DeliverAsync(Average($"83{i}", trigger: $"2400{i}"));
            await PagesSettledAsync();
        }

        // Three SMS reach the person within the window (Paging:SmsPerWindow); the other pages wait.
        Assert.Equal(3, SmsTo(onDuty.Id).Count);
        Assert.Equal(3, Pages().Count(p => p.Message.State == AlertEngine.Outbox.OutboxState.Pending));
        var sent = 3;

        // The limit's window (5 minutes) passes: the held pages go out together as one SMS.
        await Eventually.TrueAsync(
            () =>
            {
                Time.Advance(TimeSpan.FromSeconds(30));
                return SmsTo(onDuty.Id).Count == sent + 1;
            },
            10,
            "the bundled SMS after the window");
        await PagesSettledAsync();
        Assert.Equal(sent + 1, SmsTo(onDuty.Id).Count);
        Assert.Contains("ACK ALL", SmsTo(onDuty.Id)[^1].Body!, StringComparison.Ordinal);
        Assert.All(Pages(), p => Assert.Equal(AlertEngine.Outbox.OutboxState.Sent, p.Message.State));
        Assert.Equal(2, Pages().Count(p => p.BundledInto is not null));
    }

    private string Average(string eventId, string trigger = "23137") =>
        Problem(eventId, Time.GetUtcNow().ToUnixTimeSeconds(), o =>
        {
            o["severity"] = 3;
            o["trigger_id"] = trigger;
        });
}
