using AlertEngine.Host.Commands.Bench.Overload;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Overload;

public sealed class OverloadSettingsTests
{
    [Fact]
    public void ChooseQueueCapacity_Asked_WinsOverEverything()
    {
        var choice = OverloadSettings.ChooseQueueCapacity(asked: 20_000, configured: 20_000, writeBatchSize: 512, maxConcurrentRequests: 100_000, maxInFlight: 2_000);

        Assert.Equal(20_000, choice.Capacity);
        Assert.Contains("--queue-capacity", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseQueueCapacity_ConfiguredFillable_KeepsTheEnginesOwn()
    {
        var choice = OverloadSettings.ChooseQueueCapacity(asked: null, configured: 1_000, writeBatchSize: 512, maxConcurrentRequests: 100_000, maxInFlight: 2_000);

        Assert.Equal(1_000, choice.Capacity);
        Assert.Equal("the engine's configured value", choice.Reason);
    }

    [Fact]
    public void ChooseQueueCapacity_ConfiguredBeyondTheInFlightBound_LowersItAndSaysFromWhat()
    {
        // 20,000 waiting + 512 being written can never fill from 2,000 requests in flight: no 503 would ever show.
        var choice = OverloadSettings.ChooseQueueCapacity(asked: null, configured: 20_000, writeBatchSize: 512, maxConcurrentRequests: 100_000, maxInFlight: 2_000);

        Assert.Equal(OverloadSettings.FallbackQueueCapacity, choice.Capacity);
        Assert.Contains("lowered from the configured 20,000", choice.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("expect no 503", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChooseQueueCapacity_BoundTooSmallEvenForTheFallback_WarnsThatNo503WillShow()
    {
        var choice = OverloadSettings.ChooseQueueCapacity(asked: null, configured: 20_000, writeBatchSize: 512, maxConcurrentRequests: 100_000, maxInFlight: 800);

        Assert.Contains("expect no 503", choice.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_Quick_ShorterThanFullButStillWarmsUp()
    {
        var quick = OverloadSettings.Defaults(quick: true, enforce: false);
        var full = OverloadSettings.Defaults(quick: false, enforce: true);

        Assert.True(quick.Warmup + quick.Duration < full.Warmup + full.Duration);
        Assert.True(quick.CapacityWarmup > TimeSpan.Zero);
        Assert.Null(full.Rate);
        Assert.True(full.Enforce);
    }

    [Fact]
    public void ChooseQueueCapacity_ConcurrencyBoundReachable_KeepsTheEnginesOwnQueue()
    {
        var choice = OverloadSettings.ChooseQueueCapacity(asked: null, configured: 20_000, writeBatchSize: 512, maxConcurrentRequests: 256, maxInFlight: 2_000);

        Assert.Equal(20_000, choice.Capacity);
        Assert.Contains("Ingest:MaxConcurrentRequests 256", choice.Reason, StringComparison.Ordinal);
    }
}
