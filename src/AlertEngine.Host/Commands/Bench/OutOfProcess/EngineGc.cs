namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// The engine process's garbage collections and total GC pause, read from its <c>/metrics</c>
/// (<c>dotnet_collection_count_total</c>, <c>dotnet_gc_pause_seconds_total</c>,
/// <c>dotnet_gc_allocated_bytes_total</c>). Every pause stops
/// whatever the engine is doing, a page in flight included, so a latency tail is read against it.
/// </summary>
internal sealed record EngineGc(long Gen0, long Gen1, long Gen2, TimeSpan Paused, long AllocatedBytes)
{
    /// <summary>Reads the five figures from Prometheus text; null when there is no text (the engine did not answer) or one is missing.</summary>
    public static EngineGc? Parse(string? metrics)
    {
        if (metrics is null)
        {
            return null;
        }

        var values = EngineMetricsText.Values(metrics);
        double? Value(string name) => values.TryGetValue(name, out var v) ? v : null;
        var gen0 = Value("dotnet_collection_count_total{generation=\"0\"}");
        var gen1 = Value("dotnet_collection_count_total{generation=\"1\"}");
        var gen2 = Value("dotnet_collection_count_total{generation=\"2\"}");
        var paused = Value("dotnet_gc_pause_seconds_total");
        var allocated = Value("dotnet_gc_allocated_bytes_total");
        return gen0 is null || gen1 is null || gen2 is null || paused is null || allocated is null
            ? null
            : new EngineGc((long)gen0, (long)gen1, (long)gen2, TimeSpan.FromSeconds(paused.Value), (long)allocated);
    }

    /// <summary>What happened between two readings; null when either is missing.</summary>
    public static EngineGc? Between(EngineGc? before, EngineGc? after) =>
        before is null || after is null ? null : new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.Paused - before.Paused, after.AllocatedBytes - before.AllocatedBytes);

    public override string ToString() =>
        $"{Text.Count(Gen0)}/{Text.Count(Gen1)}/{Text.Count(Gen2)} collections (gen0/1/2), {Text.Ms(Paused.TotalMilliseconds)} ms paused in all, {Text.Count(AllocatedBytes / 1024)} KiB allocated";
}
