using System.Globalization;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// The engine process's garbage collections and total GC pause, read from its <c>/metrics</c>
/// (<c>dotnet_collection_count_total</c>, <c>dotnet_gc_pause_seconds_total</c>,
/// <c>dotnet_gc_allocated_bytes_total</c>). Every pause stops
/// whatever the engine is doing, a page in flight included, so a latency tail is read against it.
/// </summary>
internal sealed record EngineGc(long Gen0, long Gen1, long Gen2, TimeSpan Paused, long AllocatedBytes)
{
    /// <summary>The figures now, or null when the engine did not answer them (the benchmark goes on without).</summary>
    public static async Task<EngineGc?> ReadAsync(HttpClient client, Uri engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return Parse(await client.GetStringAsync(new Uri(engine, "/metrics"), cancellationToken));
        }
        catch (HttpRequestException)
        {
            return null;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The client's own timeout, not Ctrl+C: the figures are missing, the run goes on.
            return null;
        }
    }

    /// <summary>Reads the five figures from Prometheus text; null when one is missing.</summary>
    public static EngineGc? Parse(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith('#'))
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length >= 2)
            .GroupBy(parts => parts[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);
        double? Value(string name) => values.TryGetValue(name, out var text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
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
