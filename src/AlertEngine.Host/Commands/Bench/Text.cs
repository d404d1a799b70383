using System.Globalization;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>How the benchmark writes numbers: invariant culture, whatever the machine's locale.</summary>
internal static class Text
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Rate(double perSecond) => perSecond.ToString("N0", CultureInfo.InvariantCulture);

    public static string Ms(double milliseconds) => double.IsNaN(milliseconds) ? "-" : milliseconds.ToString("F2", CultureInfo.InvariantCulture);

    public static string Percent(double share) => double.IsNaN(share) ? "-" : (share * 100).ToString("F1", CultureInfo.InvariantCulture) + " %";

    /// <summary>Megabytes of 1,000,000 bytes, as the targets are stated ("under 200 MB").</summary>
    public static string Megabytes(long bytes) => (bytes / 1_000_000.0).ToString("F1", CultureInfo.InvariantCulture) + " MB";

    public static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s";

    /// <summary>5s, 1.5s or 500ms: the spelling the options accept.</summary>
    public static string Duration(TimeSpan span) => span.TotalSeconds >= 1
        ? span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s"
        : span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}
