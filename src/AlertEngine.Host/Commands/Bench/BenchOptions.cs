using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using AlertEngine.Host.Commands.Bench.Suite;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>The options several bench commands share, and how durations and lists are read.</summary>
internal static class BenchOptions
{
    /// <summary>
    /// Gives a bench command its options plus <c>--json</c>, and the action that runs the
    /// benchmarks it asks for under <see cref="BenchSuite"/> (report on stdout, progress on stderr).
    /// </summary>
    public static Command Wire(Command command, Func<ParseResult, IReadOnlyList<IBenchmark>> benchmarks, params Option[] options)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(benchmarks);
        var json = Json();
        foreach (var option in options.Append(json))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellationToken) => BenchSuite.RunAsync(benchmarks(parse), parse.GetValue(json), Console.Out, Console.Error, cancellationToken));
        return command;
    }

    public static Option<bool> Quick(string description) => new("--quick") { Description = description };

    public static Option<bool> Enforce() => new("--enforce")
    {
        Description = "Exit with code 3 when the engine misses a target (without it a miss is printed as FAIL and the exit code stays 0).",
    };

    private static Option<string?> Json() => new("--json")
    {
        Description = "Where to write the results as JSON (machine, build, log level, every figure). Default ./bench-results/bench-<UTC time>.json.",
        HelpName = "FILE",
    };

    /// <summary>A duration option: <c>5s</c>, <c>500ms</c>, <c>2m</c>, a bare number of seconds or <c>00:00:05</c>, up to <paramref name="max"/>.</summary>
    public static Option<TimeSpan?> Duration(string name, string description, bool allowZero, TimeSpan max) => new(name)
    {
        Description = description,
        CustomParser = r => ParseDuration(r, name, allowZero, max),
    };

    /// <summary>A whole-number option checked against its range, e.g. <c>--events</c> from 1 to 10,000,000.</summary>
    public static Option<long?> Count(string name, string description, long min, long max)
    {
        var option = new Option<long?>(name) { Description = description };
        option.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<long?>() is { } value && (value < min || value > max))
            {
                r.AddError($"{name} must be from {Text.Count(min)} to {Text.Count(max)}");
            }
        });
        return option;
    }

    /// <summary>Accepts <c>1,16,64</c> as well as repeated or space-separated values.</summary>
    public static int[] ParseConcurrency(ArgumentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
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
    public static TimeSpan? ParseDuration(ArgumentResult result, string option, bool allowZero, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(result);
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
        if (value is not { } v || v < TimeSpan.Zero || (!allowZero && v == TimeSpan.Zero) || v > max)
        {
            result.AddError($"{option}: '{text}' is not a duration {(allowZero ? "from 0" : "above 0")} up to {Text.Duration(max)} (e.g. 5s, 500ms, 2m, 00:00:05)");
            return null;
        }

        return v;
    }
}
