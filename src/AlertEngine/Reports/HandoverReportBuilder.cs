using System.Globalization;
using AlertEngine.Calendar;
using AlertEngine.Classify;
using AlertEngine.Paging.Roster;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Reports;

/// <summary>
/// Builds the handover report of one shift from the database (<see cref="ReportStore"/>) and the
/// rules (roster, calendar, maintenance windows). Tickets, clocks, held pages and maintenance are
/// taken at the shift's end (or now, for a shift still running), so a past shift's report says
/// the same whenever it is written; people are named as the roster names them.
/// </summary>
public static class HandoverReportBuilder
{
    public static HandoverReport Build(SqliteConnection connection, RuleSet rules, ReportShift shift, DateTimeOffset now, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(shift);
        var at = shift.To <= now ? shift.To : now;
        var roster = rules.Roster;
        return new HandoverReport(
            shift,
            now,
            [.. ReportStore.ListOpenAt(connection, at).Select(t => t with { Holder = NameOf(roster, t.Holder) })],
            ReportStore.ListActivity(connection, shift.From, shift.To),
            ReportStore.ListProblems(connection, shift.From, shift.To),
            ReportStore.ListNoisyTriggers(connection, shift.From, shift.To),
            ReportStore.ListNoisyHosts(connection, shift.From, shift.To),
            [.. ReportStore.ListSentPages(connection, shift.From, shift.To).Select(p => p with { Person = NameOf(roster, p.Person) ?? p.Person })],
            [.. ReportStore.ListFailedPages(connection, shift.From, shift.To).Select(p => p with { Person = NameOf(roster, p.Person) ?? p.Person })],
            ReportStore.ListHeldPages(connection, at),
            MaintenanceInForce(rules, at),
            CalendarWarnings(rules.Calendar, at, language),
            OnDuty(roster, at),
            ReportStore.CountEventsPerHour(connection, shift.From, shift.To));
    }

    /// <summary>The maintenance windows of the rules open at <paramref name="at"/>, described as <c>rules maintenance</c> shows them.</summary>
    public static IReadOnlyList<string> MaintenanceInForce(RuleSet rules, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return [.. rules.Maintenance.Where(w => w.IsOpen(at, rules.Settings)).Select(w => $"{w.Name}: {w.Describe(rules.Settings)}")];
    }

    /// <summary>Who holds each team's pager at <paramref name="at"/> (teams with a rotation, in name order).</summary>
    public static IReadOnlyList<DutyLine> OnDuty(Roster roster, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(roster);
        return [.. roster.Teams.Select(team => roster.OnDutyAt(team, at)).Select(d => new DutyLine(
            d.Team, d.CoveringTeam == d.Team ? null : d.CoveringTeam, d.Primary?.Name, d.Backup?.Name, d.Shift, d.ShiftEndsAt,
            d.Primary is null ? d.Reason : null))];
    }

    /// <summary>
    /// The calendar's coverage warning (holiday files running out), and a note when the next day
    /// is a public holiday or a make-up working day (L3/L4 clocks stop or run).
    /// </summary>
    public static IReadOnlyList<string> CalendarWarnings(BusinessCalendar calendar, DateTimeOffset at, ReportLanguage language)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var warnings = new List<string>();
        if (CalendarCoverage.Warning(calendar, at) is { } coverage)
        {
            warnings.Add(coverage);
        }

        var tomorrow = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, calendar.TimeZone).DateTime).AddDays(1);
        var day = tomorrow.ToString("yyyy-MM-dd ddd", CultureInfo.InvariantCulture);
        var zh = language == ReportLanguage.ZhCn;
        if (calendar.WorkingDays.TryGetValue(tomorrow, out var workingReason))
        {
            warnings.Add(zh
                ? $"明天（{day}）是调休上班日（{workingReason}）：L3/L4 工单的 SLA 计时照常进行。"
                : $"Tomorrow ({day}) is a make-up working day ({workingReason}): L3/L4 clocks run as on any working day.");
        }
        else if (calendar.DaysOff.TryGetValue(tomorrow, out var offReason))
        {
            warnings.Add(zh
                ? $"明天（{day}）是法定节假日（{offReason}）：L3/L4 工单的 SLA 计时暂停，延后的告警在下一个工作日早上发送。"
                : $"Tomorrow ({day}) is a public holiday ({offReason}): L3/L4 clocks stop and held pages go out the next working morning.");
        }

        return warnings;
    }

    /// <summary>A roster id (the last person paged) as the person's name; anything else (who acknowledged) as written.</summary>
    internal static string? NameOf(Roster roster, string? who) =>
        who is not null && roster.People.TryGetValue(who, out var person) ? person.Name : who;
}
