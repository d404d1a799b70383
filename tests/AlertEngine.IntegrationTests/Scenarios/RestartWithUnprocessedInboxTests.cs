using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>Events committed to the inbox but not yet processed when the engine stopped are processed once after restart.</summary>
public sealed class RestartWithUnprocessedInboxTests : EngineTestBase
{
    [Fact]
    public async Task Restart_UnprocessedInboxRows_ProcessedExactlyOnce()
    {
        await Engine.DisposeAsync();
        // As if the engine had committed these and died before the pipeline ran: write them straight into the inbox.
        StoreUnprocessed(Samples.Problem, Samples.Update, Samples.With(Samples.Problem, o => { o["event_id"] = "90"; o["trigger_id"] = "900"; }));

        await RestartAsync();
        await Engine.WaitForProcessingAsync();
        await RunSlaWatchAsync();
        var afterFirst = await Engine.ListAsync();

        await RestartAsync();
        await Engine.WaitForProcessingAsync();
        await RunSlaWatchAsync();
        var afterSecond = await Engine.ListAsync();

        Assert.Equal(2, afterFirst.Count);
        Assert.Equal(["open", "acknowledged"], afterFirst.Select(t => t.State));
        Assert.Equal(afterFirst, afterSecond, (a, b) => a.Number == b.Number && a.State == b.State && a.Occurrences == b.Occurrences);
        var timeline = (await Engine.GetAsync(afterSecond[1].Number)).Timeline!;
        Assert.Equal(["opened", "sla", "acknowledged"], timeline.WithoutPages().Where(t => t.Channel != "sla" || t.Kind == "sla").Select(t => t.Kind));

        // The sample problem is from 2026-11-25: its L2 resolve deadline and hard limit have passed.
        // The watcher ran after each start (and Quartz may have run it too): each escalation was made once.
        Assert.Equal(["sla-breach", "sla-escalation"], timeline.Where(t => t.Kind is "sla-breach" or "sla-escalation").Select(t => t.Kind));
    }

    private void StoreUnprocessed(params string[] bodies)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var events = bodies.Select(body =>
        {
            var e = ZabbixWebhookPayload.Parse(EngineHost.ServerA, System.Text.Encoding.UTF8.GetBytes(body)).Event!;
            return new IncomingEvent(InboxKey.For(e), e.Kind, e.Severity, e.TriggerId, EventIntake.WebhookSource, body);
        }).ToList();
        using var insert = new InboxInsert(connection);
        var results = insert.Run(transaction, events, TimeProvider.System.GetUtcNow());
        transaction.Commit();
        Assert.All(results, r => Assert.Equal(IntakeResult.Accepted, r));
    }

    private Task<int> RunSlaWatchAsync() =>
        Engine.App.Services.GetRequiredService<AlertEngine.Sla.SlaWatch>().RunAsync(TestContext.Current.CancellationToken);
}
