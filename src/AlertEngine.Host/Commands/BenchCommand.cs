using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AlertEngine.Host.Commands.Bench;

namespace AlertEngine.Host.Commands;

/// <summary>
/// <c>alertengine bench ingest</c>: measures the webhook intake of the real engine against a bare
/// ASP.NET endpoint on this machine (see <see cref="IngestBenchmark"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure the engine on this machine.");
        bench.Subcommands.Add(CreateIngest());
        return bench;
    }

    private static Command CreateIngest()
    {
        var concurrency = new Option<int[]>("--concurrency")
        {
            Description = "Requests in flight, comma-separated; each is run against the bare endpoint, then the engine.",
            DefaultValueFactory = _ => [1, 16, 64],
            CustomParser = ParseConcurrency,
            AllowMultipleArgumentsPerToken = true,
        };
        var warmup = new Option<TimeSpan?>("--warmup")
        {
            Description = "Warm-up before each measurement (5s, 500ms, 1m or 00:00:05). Default 5s; 1s with --quick.",
            CustomParser = r => ParseDuration(r, "--warmup", allowZero: true),
        };
        var duration = new Option<TimeSpan?>("--duration")
        {
            Description = "Measurement per run (5s, 500ms, 1m or 00:00:10). Default 10s; 2s with --quick.",
            CustomParser = r => ParseDuration(r, "--duration", allowZero: false),
        };
        var maxEvents = new Option<long>("--max-events")
        {
            Description = "Most requests measured per run; a run ends at --duration or this count, whichever comes first.",
            DefaultValueFactory = _ => IngestBenchSettings.DefaultMaxEvents,
        };
        maxEvents.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long>() < 1)
            {
                r.AddError("--max-events must be at least 1");
            }
        });
        var quick = new Option<bool>("--quick") { Description = "Smoke test: warm-up 1s and measure 2s (an explicit --warmup or --duration wins)." };
        var enforce = new Option<bool>("--enforce") { Description = "Exit with code 3 when the engine misses a target (without it a miss is printed as FAIL and the exit code stays 0)." };

        var ingest = new Command(
            "ingest",
            "Run the engine and a bare ASP.NET endpoint in this process on free loopback ports, load both with unique "
            + "Zabbix events, print requests/s and latency per concurrency, and check that the engine stored every event it answered 2xx for.");
        ingest.Options.Add(concurrency);
        ingest.Options.Add(warmup);
        ingest.Options.Add(duration);
        ingest.Options.Add(maxEvents);
        ingest.Options.Add(quick);
        ingest.Options.Add(enforce);
        ingest.SetAction((parse, cancellationToken) =>
        {
            var isQuick = parse.GetValue(quick);
            var settings = new IngestBenchSettings(
                Concurrency: parse.GetValue(concurrency) ?? [1, 16, 64],
                Warmup: parse.GetValue(warmup) ?? (isQuick ? IngestBenchSettings.QuickWarmup : IngestBenchSettings.DefaultWarmup),
                Duration: parse.GetValue(duration) ?? (isQuick ? IngestBenchSettings.QuickDuration : IngestBenchSettings.DefaultDuration),
                MaxEvents: parse.GetValue(maxEvents),
                Enforce: parse.GetValue(enforce));
            return IngestBenchmark.RunAsync(settings, Console.Out, Console.Error, cancellationToken);
        });
        return ingest;
    }

    /// <summary>Accepts <c>1,16,64</c> as well as repeated or space-separated values.</summary>
    private static int[] ParseConcurrency(ArgumentResult result)
    {
        var values = new List<int>();
        foreach (var part in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > 4096)
            {
                result.AddError($"--concurrency: '{part}' is not a number between 1 and 4096");
                return [];
            }

            if (!values.Contains(value))
            {
                values.Add(value);
            }
        }

        if (values.Count == 0)
        {
            result.AddError("--concurrency needs at least one value, e.g. 1,16,64");
        }

        return [.. values];
    }

    /// <summary>Reads <c>5s</c>, <c>500ms</c>, <c>2m</c>, a bare number of seconds, or a TimeSpan (<c>00:00:05</c>).</summary>
    private static TimeSpan? ParseDuration(ArgumentResult result, string option, bool allowZero)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value.Trim() : "";
        TimeSpan? value = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) && double.TryParse(text[..^2], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms) => TimeSpan.FromMilliseconds(ms),
            _ when text.EndsWith('s') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) => TimeSpan.FromSeconds(s),
            _ when text.EndsWith('m') && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var m) => TimeSpan.FromMinutes(m),
            _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) => TimeSpan.FromSeconds(seconds),
            _ when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) => span,
            _ => null,
        };
        if (value is not { } v || v < TimeSpan.Zero || (!allowZero && v == TimeSpan.Zero) || v > TimeSpan.FromHours(1))
        {
            result.AddError($"{option}: '{text}' is not a duration {(allowZero ? "from 0" : "above 0")} up to 1h (e.g. 5s, 500ms, 2m, 00:00:05)");
            return null;
        }

        return v;
    }
}
