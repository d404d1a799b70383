using System.Globalization;
using AlertEngine.Paging;
using AlertEngine.Tickets;

namespace AlertEngine.Reports.Render;

/// <summary>Durations, clocks and value names in words.</summary>
public sealed partial class ReportLabels
{
    /// <summary>
    /// A duration in whole minutes (rounded down, sign ignored): <c>35 min</c> under an hour,
    /// <c>2 h 05 min</c> under 48 hours, <c>3 d 4 h</c> from 48 hours on.
    /// </summary>
    public string Duration(TimeSpan duration)
    {
        var minutes = (long)Math.Floor(Math.Abs(duration.TotalMinutes));
        var hours = minutes / 60;
        return hours >= 48 ? Fill(DaysHours, hours / 24, hours % 24)
            : hours > 0 ? Fill(HoursMinutes, hours, (minutes % 60).ToString("00", CultureInfo.InvariantCulture))
            : Fill(Minutes, minutes);
    }

    /// <summary>
    /// A deadline's clock in words: met or breached once stopped; else time left, or how long past;
    /// an em dash when there is no deadline.
    /// </summary>
    public string Clock(SlaClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock switch
        {
            { Outcome: "met" } => Met,
            { Outcome: "breached" } => BreachedOutcome,
            { Outcome: { } other } => other,
            { Left: { } left } => TimeLeft(left),
            _ => "—",
        };
    }

    /// <summary>Time left (<c>2 h 05 min left</c>), or past (<c>35 min overdue</c>) when negative.</summary>
    public string TimeLeft(TimeSpan left) => Fill(left < TimeSpan.Zero ? Overdue : Left, Duration(left));

    public string Name(TicketState state) => Name(state.ToName());

    public string Name(PageChannel channel) => Name(channel.ToName());

    /// <summary>A value (state, channel, deadline, event kind) in words; an unknown one as it is.</summary>
    public string Name(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var key = value.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal)
            .Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return Names.TryGetValue(key, out var name) ? name : value;
    }

    /// <summary>A Zabbix severity (0-5) in words; another number as it is.</summary>
    public string SeverityName(int severity) =>
        severity >= 0 && severity < Severities.Count ? Severities[severity] : severity.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>covered by {0}</c> filled in.</summary>
    public string Covered(string team) => Fill(CoveredBy, team);

    private static string Fill(string template, params object[] values) => string.Format(CultureInfo.InvariantCulture, template, values);
}
