using System.Globalization;
using AlertEngine.Calendar;

namespace AlertEngine.Paging.Roster;

/// <summary>
/// The on-call roster of <c>rules/oncall.yaml</c>: the people who can be paged and, per team, who
/// holds the pager at any instant. Pure: the same team and instant always give the same answer.
/// <para>
/// A rotation hands over daily or weekly, counted from its start date at the first shift's start:
/// a rotation day runs from the first shift's start to the same time the next day, and in period
/// p (days or weeks since the start) shift i is held by members[(p + i) mod n]. A night shift that
/// starts on the last day of a period belongs to that period until it ends. The backup is the
/// member after the rotation's holder (none with a single member). An override puts its person
/// in the holder's place for the instants it covers (the named shift, or any); the last override
/// listed wins where two overlap. A business-hours-only team is covered outside business hours
/// (holidays included) by its after-hours team.
/// </para>
/// </summary>
public sealed partial class Roster
{
    private readonly Dictionary<string, RosterTeam> _teams;
    private readonly TimeZoneInfo _defaultZone;

    internal Roster(IReadOnlyDictionary<string, Person> people, IEnumerable<RosterTeam> teams, TimeZoneInfo defaultZone)
    {
        People = people;
        _teams = teams.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _defaultZone = defaultZone;
    }

    /// <summary>No people, no teams: what a rules folder without <c>oncall:</c> gives.</summary>
    public static Roster Empty { get; } = new(new Dictionary<string, Person>(StringComparer.Ordinal), [], TimeZoneInfo.Utc);

    /// <summary>Everyone in the roster by id.</summary>
    public IReadOnlyDictionary<string, Person> People { get; }

    /// <summary>The teams that have a rotation, in name order.</summary>
    public IReadOnlyCollection<string> Teams => [.. _teams.Keys.Order(StringComparer.Ordinal)];

    public bool HasTeam(string team) => _teams.ContainsKey(team);

    /// <summary>The wall clock of a team's rotation; the rules' default time zone for a team without one.</summary>
    public TimeZoneInfo TimeZoneOf(string team) => _teams.TryGetValue(team, out var t) ? t.Zone : _defaultZone;

    /// <summary>The person with this E.164 number (e.g. the sender of an SMS reply); null when nobody has it.</summary>
    public Person? FindByPhone(string phone)
    {
        var wanted = phone?.Trim();
        return string.IsNullOrEmpty(wanted) ? null : People.Values.FirstOrDefault(p => p.Phone == wanted);
    }

    /// <summary>
    /// Who holds the team's pager at <paramref name="at"/>, and why. A business-hours-only team
    /// outside business hours answers for its after-hours team (<see cref="OnDuty.CoveringTeam"/>);
    /// the senior engineer and manager are the covering team's. A team without a rotation, or an
    /// instant no shift covers, gives no primary and the reason.
    /// </summary>
    public OnDuty OnDutyAt(string team, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!_teams.TryGetValue(team, out var t))
        {
            return new OnDuty(team, team, null, null, null, null, "", null, $"no rotation for team {team} in oncall.yaml");
        }

        if (t.BusinessHoursOnly && !t.Calendar.IsBusinessTime(at))
        {
            var cover = OnDutyAt(t.AfterHours!, at);
            var opens = BusinessEdge(t.Calendar, at);
            return cover with
            {
                Team = team,
                ShiftEndsAt = cover.ShiftEndsAt is { } end && end < opens ? end : opens,
                Reason = $"{team} is on duty in business hours only and {OutsideHours(t, at)}: {cover.CoveringTeam} covers; {cover.Reason}",
            };
        }

        var stretch = Stretches(t, at, at.AddTicks(1)).FirstOrDefault();
        if (stretch is null)
        {
            return new OnDuty(team, team, null, null, t.Senior, t.Manager, "", null,
                $"no shift of team {team} covers {Format(at, t.Zone)}");
        }

        var (shift, occurrence) = (stretch.Shift, stretch.Occurrence);
        var ends = t.BusinessHoursOnly && BusinessEdge(t.Calendar, at) is var close && close < occurrence.End ? close : occurrence.End;
        var rotation = $"{shift.Name} shift from {Format(occurrence.Start, t.Zone)}, {(t.Rotation.HandOff == HandOff.Weekly ? "week" : "day")} "
            + $"{(occurrence.Period + 1).ToString(CultureInfo.InvariantCulture)} of the rotation from {t.Rotation.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        var reason = stretch.Override is { } o
            ? $"{rotation}: {stretch.Holder.Name} by override ({o.Reason ?? "no reason given"}) instead of {stretch.RotationHolder.Name}"
            : $"{rotation}: {stretch.Holder.Name} in rotation";
        return new OnDuty(team, team, stretch.Holder, stretch.Backup, t.Senior, t.Manager, shift.Name, ends, reason);
    }

    /// <summary>Why an instant is outside the team's business hours: a holiday, a day off, or the time of day.</summary>
    private static string OutsideHours(RosterTeam t, DateTimeOffset at)
    {
        var local = WallClock.ToLocal(at, t.Zone);
        var date = DateOnly.FromDateTime(local);
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return t.Calendar.DayNote(date) is { } note && !t.Calendar.IsWorkingDay(date) ? $"{day} is {note}"
            : !t.Calendar.IsWorkingDay(date) ? $"{day} is a {date.DayOfWeek}, not a working day"
            : $"{local.ToString("HH:mm", CultureInfo.InvariantCulture)} is outside business hours "
                + $"{Clock(t.Calendar.OpensAt)}–{Clock(t.Calendar.ClosesAt)}";
    }

    /// <summary>
    /// The next instant business time starts or stops after <paramref name="at"/>: today's closing
    /// time in business hours, else the next working morning (far future when there is none).
    /// </summary>
    private static DateTimeOffset BusinessEdge(BusinessCalendar calendar, DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(WallClock.ToLocal(at, calendar.TimeZone));
        if (calendar.IsBusinessTime(at))
        {
            return WallClock.ToInstant(date.ToDateTime(TimeOnly.MinValue) + calendar.ClosesAt, calendar.TimeZone);
        }

        for (var i = 0; i < 3660; i++, date = date.AddDays(1))
        {
            var opens = WallClock.ToInstant(date.ToDateTime(TimeOnly.MinValue) + calendar.OpensAt, calendar.TimeZone);
            if (calendar.IsWorkingDay(date) && opens > at)
            {
                return opens;
            }
        }

        return DateTimeOffset.MaxValue;
    }

    /// <summary>The last instant business time started or stopped at or before <paramref name="at"/> (far past when there is none).</summary>
    private static DateTimeOffset PreviousBusinessEdge(BusinessCalendar calendar, DateTimeOffset at)
    {
        var date = DateOnly.FromDateTime(WallClock.ToLocal(at, calendar.TimeZone));
        var business = calendar.IsBusinessTime(at);
        for (var i = 0; i < 3660; i++, date = date.AddDays(-1))
        {
            var midnight = date.ToDateTime(TimeOnly.MinValue);
            var edge = WallClock.ToInstant(midnight + (business ? calendar.OpensAt : calendar.ClosesAt), calendar.TimeZone);
            if (calendar.IsWorkingDay(date) && edge <= at)
            {
                return edge;
            }
        }

        return DateTimeOffset.MinValue;
    }

    internal static string Format(DateTimeOffset at, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(at, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Clock(TimeSpan time) => time.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
}
