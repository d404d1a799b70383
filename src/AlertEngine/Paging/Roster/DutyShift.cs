namespace AlertEngine.Paging.Roster;

/// <summary>
/// A stretch of time one person holds a team's pager, as <see cref="Roster.Shifts"/> lists them:
/// the team asked about, the team that covers (another one after hours for a business-hours-only
/// team), the shift's name, when the stretch starts and ends, who holds it, the backup (next in
/// rotation), and the override's reason when an override put the holder there.
/// </summary>
public sealed record DutyShift(
    string Team,
    string CoveringTeam,
    string Name,
    DateTimeOffset Start,
    DateTimeOffset End,
    Person Holder,
    Person? Backup,
    string? Override);
