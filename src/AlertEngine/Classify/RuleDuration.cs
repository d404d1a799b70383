using System.Globalization;
using System.Text.RegularExpressions;

namespace AlertEngine.Classify;

/// <summary>Durations as rule files write them: <c>90s</c>, <c>15m</c>, <c>24h</c>, <c>7d</c>, <c>1h30m</c>.</summary>
internal static partial class RuleDuration
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = Shape().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        foreach (Capture part in match.Groups["part"].Captures)
        {
            var value = long.Parse(part.Value[..^1], NumberStyles.None, CultureInfo.InvariantCulture);
            if (value > 100_000)
            {
                return false;
            }

            duration += part.Value[^1] switch
            {
                'd' => TimeSpan.FromDays(value),
                'h' => TimeSpan.FromHours(value),
                'm' => TimeSpan.FromMinutes(value),
                _ => TimeSpan.FromSeconds(value),
            };
        }

        return true;
    }

    /// <summary>
    /// Writes a duration the way rule files do: whole days from two days up (<c>7d</c>), otherwise
    /// hours, minutes and seconds (<c>24h</c>, <c>1h30m</c>, <c>90s</c>; <c>0s</c> for zero).
    /// </summary>
    public static string Format(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            return "0s";
        }

        if (duration.Days >= 2 && duration == TimeSpan.FromDays(duration.Days))
        {
            return duration.Days.ToString(CultureInfo.InvariantCulture) + "d";
        }

        var text = new System.Text.StringBuilder();
        Append(text, (int)duration.TotalHours, 'h');
        Append(text, duration.Minutes, 'm');
        Append(text, duration.Seconds, 's');
        return text.Length == 0 ? "0s" : text.ToString();
    }

    private static void Append(System.Text.StringBuilder text, int value, char unit)
    {
        if (value > 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }

    [GeneratedRegex("^(?:(?<part>[0-9]+[dhms]))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
