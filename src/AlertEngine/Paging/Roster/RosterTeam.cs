using AlertEngine.Calendar;

namespace AlertEngine.Paging.Roster;

/// <summary>How often a rotation hands over: every day or every week (the value is the period in days).</summary>
internal enum HandOff
{
    Daily = 1,
    Weekly = 7,
}

/// <summary>
/// One shift of a rotation day, on the team's wall clock: from <see cref="FromMinute"/> to
/// <see cref="ToMinute"/> (minutes after midnight; 1440 is 24:00). A shift whose end is not after
/// its start ends the next day; one whose end equals its start lasts 24 hours.
/// </summary>
internal sealed record RotationShift(string Name, int FromMinute, int ToMinute)
{
    public const int MinutesPerDay = 24 * 60;

    public int Minutes => ToMinute > FromMinute ? ToMinute - FromMinute : ToMinute + MinutesPerDay - FromMinute;
}

/// <summary>A team's rotation: the hand-off period, the local date of the first hand-off, the shifts of a day and the members in order.</summary>
internal sealed record Rotation(HandOff HandOff, DateOnly Start, IReadOnlyList<RotationShift> Shifts, IReadOnlyList<Person> Members);

/// <summary>Someone who holds the team's shifts (the named one, or any when null) from <see cref="From"/> (included) to <see cref="To"/> (not included).</summary>
internal sealed record RosterOverride(Person Person, DateTimeOffset From, DateTimeOffset To, string? Shift, string? Reason);

/// <summary>
/// One team of <c>rules/oncall.yaml</c>: its wall clock and business calendar, senior engineer and
/// manager, whether it is on duty in business hours only (and then which team covers the rest),
/// its rotation and overrides.
/// </summary>
internal sealed record RosterTeam(
    string Name,
    TimeZoneInfo Zone,
    BusinessCalendar Calendar,
    Person Senior,
    Person Manager,
    bool BusinessHoursOnly,
    string? AfterHours,
    Rotation Rotation,
    IReadOnlyList<RosterOverride> Overrides);
