using System.Globalization;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>The engine process's <c>/metrics</c> (Prometheus text), read by the benchmarks that look inside it.</summary>
internal static class EngineMetricsText
{
    /// <summary>The text now, or null when the engine did not answer it (the benchmark goes on without).</summary>
    public static async Task<string?> ReadAsync(HttpClient client, Uri engine, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            return await client.GetStringAsync(new Uri(engine, "/metrics"), cancellationToken);
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

    /// <summary>Each sample's value by its name with labels as written (<c>name{label="value"}</c>); the first of a repeated one.</summary>
    public static IReadOnlyDictionary<string, double> Values(string metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in metrics.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = line.LastIndexOf(' ');
            if (line.StartsWith('#') || space <= 0
                || !double.TryParse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                continue;
            }

            values.TryAdd(line[..space], value);
        }

        return values;
    }
}
