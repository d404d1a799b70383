using System.Globalization;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Ingest;

public sealed class MetricsEndpointTests : EngineTestBase
{
    [Fact]
    public async Task Metrics_AfterEachKindOfRequest_CountsThisEngineExactly()
    {
        await DeliverAsync(Samples.Problem);
        using (await Engine.PostEventAsync(Samples.Problem)) { }
        using (await Engine.PostEventAsync("{\"event_id\": 1}")) { }
        using (await Engine.PostEventAsync(Samples.Problem, token: "not-the-secret-at-all")) { }
        using (await Engine.PostEventAsync(Samples.Problem, server: "evil-name")) { }
        await DeliverToAsync(EngineHost.ServerB, Samples.Recovery);

        var metrics = await ScrapeAsync();

        Assert.Equal(1, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerA}\",outcome=\"accepted\"}}"]);
        Assert.Equal(1, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerA}\",outcome=\"duplicate\"}}"]);
        Assert.Equal(1, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerA}\",outcome=\"invalid\"}}"]);
        Assert.Equal(1, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerA}\",outcome=\"unauthorized\"}}"]);
        Assert.Equal(1, metrics["alertengine_webhook_requests_total{server=\"unknown\",outcome=\"unknown_server\"}"]);
        Assert.Equal(1, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerB}\",outcome=\"accepted\"}}"]);
        Assert.Equal(3, metrics["alertengine_webhook_store_seconds_count"]);
        Assert.Equal(3, metrics["alertengine_inbox_write_batch_events_sum"]); // the duplicate goes through the writer too
        Assert.Equal(2, metrics["alertengine_pipeline_events_total{result=\"processed\"}"]);
        Assert.Equal(0, metrics["alertengine_pipeline_events_total{result=\"poisoned\"}"]);
        Assert.Equal(2, metrics["alertengine_pipeline_stage_seconds_count{stage=\"normalise\"}"]); // the first stage sees every event
        Assert.All(
            ["classify", "correlate", "deadline", "page_plan"],
            stage => Assert.InRange(metrics[$"alertengine_pipeline_stage_seconds_count{{stage=\"{stage}\"}}"], 1, 2));
        Assert.Equal(2, metrics.Where(m => m.Key.StartsWith("alertengine_tickets_opened_total{", StringComparison.Ordinal)).Sum(m => m.Value));
        Assert.Equal(1, metrics["alertengine_tickets_resolved_total{type=\"ALERT\"}"]);
        Assert.Equal(0, metrics["alertengine_inbox_backlog_events"]);
        Assert.Equal(1, metrics["alertengine_storage_writable"]);
    }

    [Fact]
    public async Task Metrics_UnknownServerInTheUrl_NeverBecomesALabel()
    {
        using (await Engine.PostEventAsync(Samples.Problem, server: "attacker-chosen-name")) { }

        var text = await Engine.Client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.DoesNotContain("attacker-chosen-name", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_BeforeAnyEvent_ShowsEverySeriesAtZeroAndTheProcess()
    {
        using var response = await Engine.Client.GetAsync("/metrics", TestContext.Current.CancellationToken);
        var metrics = Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, metrics[$"alertengine_webhook_requests_total{{server=\"{EngineHost.ServerA}\",outcome=\"busy\"}}"]);
        Assert.Equal(0, metrics["alertengine_tickets_opened_total{type=\"ALERT\",level=\"L1\"}"]);
        Assert.Equal(0, metrics["alertengine_intake_queue_events"]);
        Assert.True(metrics["process_working_set_bytes"] > 0);
        Assert.Single(metrics, m => m.Key.StartsWith("alertengine_build_info{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_GarbageCollector_ShowsPausesAllocationsAndCommittedMemory()
    {
        var before = await ScrapeAsync();
        var garbage = new List<byte[]>();
        for (var i = 0; i < 64; i++)
        {
            garbage.Add(new byte[16 * 1024]);
        }

        GC.KeepAlive(garbage);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);

        var after = await ScrapeAsync();
        // The engine runs in this test process: the collection just forced paused it.
        Assert.True(after["dotnet_gc_pause_seconds_total"] > before["dotnet_gc_pause_seconds_total"]);
        Assert.True(after["dotnet_gc_allocated_bytes_total"] >= before["dotnet_gc_allocated_bytes_total"] + (64 * 16 * 1024));
        Assert.True(after["dotnet_gc_committed_bytes"] > 0);
        Assert.True(after["dotnet_gc_heap_size_bytes"] > 0);
    }

    [Fact]
    public async Task Metrics_Sqlite_ShowsMemoryOutsideTheManagedHeapAndItsPeak()
    {
        var metrics = await ScrapeAsync();

        // The engine's open connections hold SQLite's page caches and prepared statements.
        Assert.True(metrics["alertengine_sqlite_memory_bytes"] > 0);
        Assert.True(metrics["alertengine_sqlite_memory_peak_bytes"] >= metrics["alertengine_sqlite_memory_bytes"]);
    }

    private async Task<Dictionary<string, double>> ScrapeAsync() =>
        Parse(await Engine.Client.GetStringAsync("/metrics", TestContext.Current.CancellationToken));

    /// <summary>Prometheus text format: "name{labels} value" per sample line; comments skipped.</summary>
    private static Dictionary<string, double> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));
}
