using System.Net.Http.Json;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Classify;

/// <summary>
/// A rules folder changed while the engine runs: a good change is applied to the events after
/// it; a broken change is rejected (health degraded, its errors shown, a metric) and the last
/// good rules keep classifying; fixing the folder makes the engine healthy again.
/// </summary>
public sealed class RuleReloadTests : IAsyncLifetime
{
    private const string HighIsL2 = """
        # test rules: high is L2
        rules:
          - name: high-is-l2
            match: { severity: high }
            level: L2
        """;

    private const string HighIsL1 = """
        # test rules: high is L1 now
        rules:
          - name: high-is-l1
            match: { severity: high }
            level: L1
        """;

    private readonly TempDatabase _db = new();
    private string _rules = "";
    private EngineHost _engine = null!;

    public async ValueTask InitializeAsync()
    {
        _rules = Path.Combine(_db.Folder, "rules");
        Directory.CreateDirectory(_rules);
        await File.WriteAllTextAsync(Path.Combine(_rules, "50-levels.yaml"), HighIsL2, TestContext.Current.CancellationToken);
        _engine = await EngineHost.StartAsync(_db.Path, new Dictionary<string, string?>
        {
            ["Rules:Folder"] = _rules,
            ["Rules:ReloadInterval"] = "00:00:00.100",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Reload_GoodChangeThenBrokenChangeThenFix_EachEventClassifiedByTheRulesInForce()
    {
        await DeliverAsync("101", "9001");
        Assert.Equal("L2", (await TicketFor("9001")).Level);

        var before = await HealthAsync();
        await File.WriteAllTextAsync(Path.Combine(_rules, "50-levels.yaml"), HighIsL1, TestContext.Current.CancellationToken);
        var applied = await WaitForHealthAsync(h => h.Rules.LoadedAt > before.Rules.LoadedAt);
        Assert.Equal("ok", applied.Status);
        await DeliverAsync("102", "9002");
        var second = await TicketFor("9002");
        Assert.Equal(("L1", "high-is-l1"), (second.Level, second.Rule));

        await File.WriteAllTextAsync(Path.Combine(_rules, "60-broken.yaml"), "rules:\n  - name: oops\n    levle: L3\n", TestContext.Current.CancellationToken);
        var degraded = await WaitForHealthAsync(h => h.Status == "degraded");
        Assert.False(degraded.Rules.Valid);
        var error = Assert.Single(degraded.Rules.Errors!);
        Assert.EndsWith("60-broken.yaml:3:5: unknown key 'levle' in a rule (did you mean 'level'?)", error, StringComparison.Ordinal);
        Assert.Equal(applied.Rules.LoadedAt, degraded.Rules.LoadedAt);

        await DeliverAsync("103", "9003");
        Assert.Equal("L1", (await TicketFor("9003")).Level);
        var metrics = await _engine.Client.GetStringAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Contains("alertengine_rules_reloads_total{result=\"rejected\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("alertengine_rules_reloads_total{result=\"applied\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("alertengine_rules_valid 0", metrics, StringComparison.Ordinal);

        File.Delete(Path.Combine(_rules, "60-broken.yaml"));
        var healthy = await WaitForHealthAsync(h => h.Status == "ok");
        Assert.True(healthy.Rules.Valid);
        Assert.Null(healthy.Rules.Errors);
    }

    private async Task DeliverAsync(string eventId, string triggerId)
    {
        var body = Samples.With(Samples.Problem, o => { o["event_id"] = eventId; o["trigger_id"] = triggerId; });
        using var response = await _engine.PostEventAsync(body);
        Assert.True(response.IsSuccessStatusCode);
        await _engine.WaitForProcessingAsync();
    }

    private async Task<TicketApi.TicketDto> TicketFor(string triggerId) =>
        Assert.Single(await _engine.ListAsync(), t => t.TriggerId == triggerId);

    private async Task<HealthDto> HealthAsync()
    {
        using var response = await _engine.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        return (await response.Content.ReadFromJsonAsync<HealthDto>(JsonSerializerOptions.Web, TestContext.Current.CancellationToken))!;
    }

    /// <summary>Polls /healthz (bounded, 10 s) until the condition holds.</summary>
    private async Task<HealthDto> WaitForHealthAsync(Func<HealthDto, bool> condition)
    {
        for (var i = 0; i < 500; i++)
        {
            var health = await HealthAsync();
            if (condition(health))
            {
                return health;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
        }

        throw new TimeoutException("the rules were not reloaded within 10 s");
    }

    private sealed record HealthDto(string Status, RulesDto Rules);

    private sealed record RulesDto(bool Valid, DateTimeOffset LoadedAt, int Rules, string[]? Errors);
}
