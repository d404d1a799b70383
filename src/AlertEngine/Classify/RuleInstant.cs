using System.Globalization;

namespace AlertEngine.Classify;

/// <summary>
/// Instants as people type them for the rules commands and case files: a local date and time on
/// the wall clock of the team's time zone (<c>2026-11-26 03:00</c>, or a date alone for its
/// midnight), or an ISO 8601 instant with its offset (<c>2026-11-25T19:00:00Z</c>).
/// </summary>
public static class RuleInstant
{
    private static readonly string[] LocalFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd"];

    /// <summary>What <see cref="TryParse"/> accepts, for error messages.</summary>
    public const string Accepted = "a local time in the team's time zone like 2026-11-26 03:00 (or a date, 2026-11-26) or an ISO instant like 2026-11-25T19:00:00Z";

    /// <summary>Reads a local time (in <paramref name="zone"/>) or an ISO instant with an offset or Z.</summary>
    public static bool TryParse(string? text, TimeZoneInfo zone, out DateTimeOffset instant)
    {
        ArgumentNullException.ThrowIfNull(zone);
        instant = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // A wall-clock time skipped by a daylight-saving change does not exist: refuse it rather than guess.
            if (zone.IsInvalidTime(local))
            {
                return false;
            }

            instant = new DateTimeOffset(local, zone.GetUtcOffset(local));
            return true;
        }

        // An instant must say its offset: "2026-11-25T19:00:00" alone is read above as local time.
        var hasOffset = trimmed.EndsWith('Z') || trimmed.EndsWith('z') || trimmed.LastIndexOfAny(['+', '-']) > trimmed.IndexOf('T', StringComparison.Ordinal);
        return hasOffset && trimmed.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    /// <summary>The instant on the zone's wall clock with its offset, e.g. <c>2026-11-26 03:00:00 +08:00</c>.</summary>
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);
    }
}
