namespace AlertEngine.Host.Commands.Bench;

/// <summary>How figures go into the JSON file: NaN (nothing measured) becomes null, and no more digits than the measurement has.</summary>
internal static class BenchJson
{
    public static double? Number(double value) => double.IsFinite(value) ? Math.Round(value, 3) : null;

    public static double? Number(double? value) => value is { } v ? Number(v) : null;

    public static double Seconds(TimeSpan span) => Math.Round(span.TotalSeconds, 3);

    public static double Milliseconds(TimeSpan span) => Math.Round(span.TotalMilliseconds, 1);
}
