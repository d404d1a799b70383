namespace AlertEngine.Paging.Roster;

/// <summary>
/// Who holds a team's pager at one instant, as the roster decides: the on-duty person (null when
/// nobody is), the backup (the next member in the rotation), the team's senior engineer and
/// manager, the shift and when it ends, the team that actually covers (another team after
/// hours, when the team is business-hours only) and the reason in words.
/// </summary>
public sealed record OnDuty(
    string Team,
    string CoveringTeam,
    Person? Primary,
    Person? Backup,
    Person? Senior,
    Person? Manager,
    string Shift,
    DateTimeOffset? ShiftEndsAt,
    string Reason);
