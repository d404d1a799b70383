using AlertEngine.Calendar;
using AlertEngine.Classify;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Reports;

/// <summary>Builds the status page's <see cref="DeskStatus"/> at one instant from the database and the rules.</summary>
public static class DeskStatusBuilder
{
    /// <summary>How many of the latest events the page lists.</summary>
    public const int RecentEventCount = 20;

    /// <summary>How far back a failed report delivery still shows as a warning.</summary>
    public static readonly TimeSpan DeliveryWarningSpan = TimeSpan.FromDays(1);

    public static DeskStatus Build(SqliteConnection connection, RuleSet rules, TimeZoneInfo zone, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rules);
        var roster = rules.Roster;
        var warnings = new List<string>();
        if (CalendarCoverage.Warning(rules.Calendar, now) is { } coverage)
        {
            warnings.Add(coverage);
        }

        warnings.AddRange(ReportStore.ListFailedDeliveries(connection, now - DeliveryWarningSpan).Select(d => $"Handover report delivery: {d}"));
        return new DeskStatus(
            now,
            zone,
            [.. ReportStore.ListOpenAt(connection, now).Select(t => t with { Holder = HandoverReportBuilder.NameOf(roster, t.Holder) })],
            HandoverReportBuilder.OnDuty(roster, now),
            ReportStore.ListHeldPages(connection, now),
            ReportStore.ListRecentEvents(connection, RecentEventCount),
            warnings);
    }
}
