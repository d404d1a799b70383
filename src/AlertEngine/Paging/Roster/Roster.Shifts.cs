namespace AlertEngine.Paging.Roster;

public sealed partial class Roster
{
    /// <summary>
    /// Who holds the team's pager from <paramref name="from"/> to <paramref name="to"/>: the
    /// consecutive stretches in order, each a shift (whole, as the rotation has it) or the part of
    /// one an override takes; for a business-hours-only team, its shifts cut at the business hours
    /// and the after-hours team's shifts in between. Empty for a team without a rotation.
    /// </summary>
    public IReadOnlyList<DutyShift> Shifts(string team, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(team);
        if (!_teams.TryGetValue(team, out var t) || to <= from)
        {
            return [];
        }

        if (!t.BusinessHoursOnly)
        {
            return [.. Stretches(t, from, to).Select(s => s.ToDutyShift(team, team))];
        }

        // Business hours and the time outside them take turns; each stretch is cut at their edges only.
        var shifts = new List<DutyShift>();
        for (var (cursor, since) = (from, PreviousBusinessEdge(t.Calendar, from)); cursor < to;)
        {
            var edge = BusinessEdge(t.Calendar, cursor);
            var until = edge < to ? edge : to;
            var (covering, cover) = t.Calendar.IsBusinessTime(cursor) ? (team, t) : (t.AfterHours!, _teams[t.AfterHours!]);
            shifts.AddRange(Stretches(cover, cursor, until).Select(s => s.Clip(since, edge).ToDutyShift(team, covering)));
            (cursor, since) = (edge, edge);
        }

        return shifts;
    }

    /// <summary>The team's own rotation from <paramref name="from"/> to <paramref name="to"/>, overrides applied, in order: the stretches that overlap the range, whole.</summary>
    private static IEnumerable<Stretch> Stretches(RosterTeam team, DateTimeOffset from, DateTimeOffset to) =>
        Occurrences(team, from, to).SelectMany(o => WithOverrides(team, o)).Where(s => s.End > from && s.Start < to);

    /// <summary>The shifts of the rotation days around the range that overlap it, in order of start.</summary>
    private static IEnumerable<Occurrence> Occurrences(RosterTeam team, DateTimeOffset from, DateTimeOffset to)
    {
        var rotation = team.Rotation;
        var anchor = rotation.Shifts[0].FromMinute;
        var first = DateOnly.FromDateTime(WallClock.ToLocal(from, team.Zone)).AddDays(-2);
        var last = DateOnly.FromDateTime(WallClock.ToLocal(to, team.Zone));
        var period = (int)rotation.HandOff;
        var all = new List<Occurrence>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            var p = FloorDiv(day.DayNumber - rotation.Start.DayNumber, period);
            var dayStart = day.ToDateTime(TimeOnly.MinValue).AddMinutes(anchor);
            for (var i = 0; i < rotation.Shifts.Count; i++)
            {
                var shift = rotation.Shifts[i];
                var offset = Mod(shift.FromMinute - anchor, RotationShift.MinutesPerDay);
                var startLocal = dayStart.AddMinutes(offset);
                var start = WallClock.ToInstant(startLocal, team.Zone);
                var end = WallClock.ToInstant(startLocal.AddMinutes(shift.Minutes), team.Zone);
                if (end > from && start < to)
                {
                    all.Add(new Occurrence(i, shift, start, end, p, (int)Mod(p + i, rotation.Members.Count)));
                }
            }
        }

        return all.OrderBy(o => o.Start);
    }

    /// <summary>An occurrence cut where overrides for it start and end; each piece held by the last override covering it, else the rotation.</summary>
    private static IEnumerable<Stretch> WithOverrides(RosterTeam team, Occurrence occurrence)
    {
        var members = team.Rotation.Members;
        var holder = members[occurrence.MemberIndex];
        var overrides = team.Overrides
            .Where(o => (o.Shift is null || o.Shift == occurrence.Shift.Name) && o.From < occurrence.End && o.To > occurrence.Start)
            .ToList();
        if (overrides.Count == 0)
        {
            yield return new Stretch(occurrence, occurrence.Start, occurrence.End, holder, holder, Backup(members, occurrence.MemberIndex, holder), null);
            yield break;
        }

        var cuts = overrides.SelectMany(o => new[] { o.From, o.To })
            .Where(c => c > occurrence.Start && c < occurrence.End)
            .Append(occurrence.Start).Append(occurrence.End)
            .Distinct().Order().ToList();
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            var (start, end) = (cuts[i], cuts[i + 1]);
            var by = overrides.LastOrDefault(o => o.From <= start && o.To >= end);
            var person = by?.Person ?? holder;
            yield return new Stretch(occurrence, start, end, person, holder, Backup(members, occurrence.MemberIndex, person), by);
        }
    }

    /// <summary>The first member after the rotation's holder who is not the one holding the pager; null when there is none.</summary>
    private static Person? Backup(IReadOnlyList<Person> members, int holderIndex, Person holding)
    {
        for (var step = 1; step < members.Count; step++)
        {
            var candidate = members[(holderIndex + step) % members.Count];
            if (candidate.Id != holding.Id)
            {
                return candidate;
            }
        }

        return null;
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long Mod(long a, long b) => ((a % b) + b) % b;

    /// <summary>One shift of one rotation day: its index in the rotation, when it runs, its period and the member who holds it.</summary>
    private sealed record Occurrence(int Index, RotationShift Shift, DateTimeOffset Start, DateTimeOffset End, long Period, int MemberIndex);

    /// <summary>A piece of an occurrence with one holder: the rotation's or an override's.</summary>
    private sealed record Stretch(Occurrence Occurrence, DateTimeOffset Start, DateTimeOffset End, Person Holder, Person RotationHolder, Person? Backup, RosterOverride? Override)
    {
        public RotationShift Shift => Occurrence.Shift;

        public Stretch Clip(DateTimeOffset from, DateTimeOffset to) =>
            this with { Start = Start > from ? Start : from, End = End < to ? End : to };

        public DutyShift ToDutyShift(string team, string coveringTeam) =>
            new(team, coveringTeam, Shift.Name, Start, End, Holder, Backup, Override is null ? null : Override.Reason ?? "override");
    }
}
