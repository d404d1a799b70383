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

    [GeneratedRegex("^(?:(?<part>[0-9]+[dhms]))+$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
