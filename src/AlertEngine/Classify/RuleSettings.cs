using AlertEngine.Calendar;

namespace AlertEngine.Classify;

/// <summary>
/// The <c>settings:</c> and <c>teams:</c> of the rules folder: the default time zone and team,
/// business hours, and each team's time zone. Defaults: Asia/Shanghai, team <c>ops</c>,
/// Monday–Friday 09:30–18:00. The business hours and the time zone, with the holiday files, make
/// the business calendar (one truth for the <c>business_hours</c> matcher and the SLA clocks).
/// </summary>
public sealed class RuleSettings
{
    public const string DefaultTimeZoneId = "Asia/Shanghai";
    public const string DefaultTeamName = "ops";

    internal RuleSettings(TimeZoneInfo timeZone, string defaultTeam, WeeklyWindow businessHours, IReadOnlyDictionary<string, TimeZoneInfo> teams, HolidayFiles? holidays = null)
    {
        TimeZone = timeZone;
        DefaultTeam = defaultTeam;
        BusinessHours = businessHours;
        Teams = teams;
        Calendar = new BusinessCalendar(timeZone, Enum.GetValues<DayOfWeek>().Where(d => ((businessHours.Weekdays >> (int)d) & 1) == 1),
            TimeSpan.FromMinutes(businessHours.FromMinute), TimeSpan.FromMinutes(businessHours.ToMinute),
            holidays?.DaysOff ?? NoDays, holidays?.WorkingDays ?? NoDays, holidays?.CoveredUntil);
    }

    private static readonly Dictionary<DateOnly, string> NoDays = [];

    /// <summary>The time zone of rules and windows that name no team.</summary>
    public TimeZoneInfo TimeZone { get; }

    /// <summary>The team of events no rule routes.</summary>
    public string DefaultTeam { get; }

    /// <summary>Business hours on the wall clock of the team's time zone.</summary>
    internal WeeklyWindow BusinessHours { get; }

    /// <summary>The business calendar on the wall clock of <see cref="TimeZone"/>: business hours, holidays, make-up days.</summary>
    public BusinessCalendar Calendar { get; }

    /// <summary>The declared teams and their time zones.</summary>
    public IReadOnlyDictionary<string, TimeZoneInfo> Teams { get; }

    internal static RuleSettings Defaults()
    {
        var zone = RuleTimeZone.Find(DefaultTimeZoneId)!;
        return new RuleSettings(zone, DefaultTeamName, new WeeklyWindow(0b011_1110, (9 * 60) + 30, 18 * 60),
            new Dictionary<string, TimeZoneInfo>(StringComparer.Ordinal) { [DefaultTeamName] = zone });
    }

    public TimeZoneInfo TimeZoneOf(string team) => Teams.TryGetValue(team, out var zone) ? zone : TimeZone;

    /// <summary>True when the instant falls in business hours for the team: on its wall clock, on a working day (public holidays off, make-up days on).</summary>
    public bool IsBusinessHours(DateTimeOffset at, string team) =>
        Calendar.IsBusinessLocal(TimeZoneInfo.ConvertTime(at, TimeZoneOf(team)).DateTime);
}
