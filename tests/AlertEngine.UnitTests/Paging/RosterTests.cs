using AlertEngine.Paging;
using AlertEngine.Paging.Roster;

namespace AlertEngine.UnitTests.Paging;

/// <summary>The roster's answer to "who holds the pager": rotations, hand-offs, night shifts, overrides, business-hours-only teams.</summary>
public sealed class RosterTests
{
    private static readonly Roster Roster = InlineRoster.Load().Roster;

    // rule, Shanghai wall clock, shift, on duty, backup
    public static TheoryData<string, string, string, string, string> WeeklyRotation => new()
    {
        { "week 0 day shift: members[0]", "2026-11-02 10:00", "day", "a", "b" },
        { "week 0 night shift: members[1]", "2026-11-02 20:00", "night", "b", "c" },
        { "a night shift past midnight is the evening's", "2026-11-03 03:00", "night", "b", "c" },
        { "the last night of a week belongs to that week until it ends", "2026-11-09 09:29", "night", "b", "c" },
        { "hand-off at the first shift's start: week 1 day is members[1]", "2026-11-09 09:30", "day", "b", "c" },
        { "week 1 night is members[2]; the backup wraps to members[0]", "2026-11-09 18:00", "night", "c", "a" },
        { "week 2 day wraps round: members[2]", "2026-11-16 12:00", "day", "c", "a" },
        { "before the start the rotation runs backwards: week -1 day is members[2]", "2026-10-26 10:00", "day", "c", "a" },
    };

    [Theory]
    [MemberData(nameof(WeeklyRotation))]
    public void OnDutyAt_WeeklyRotation_HolderAndBackupByPeriodAndShift(string rule, string local, string shift, string primary, string backup)
    {
        var duty = Roster.OnDutyAt("ops", InlineRoster.At(local));

        Assert.True(shift == duty.Shift, $"{rule}: shift {duty.Shift}");
        Assert.True(primary == duty.Primary?.Id, $"{rule}: on duty {duty.Primary?.Id} ({duty.Reason})");
        Assert.True(backup == duty.Backup?.Id, $"{rule}: backup {duty.Backup?.Id}");
        Assert.Equal("ops", duty.CoveringTeam);
        Assert.Equal("s", duty.Senior?.Id);
        Assert.Equal("m", duty.Manager?.Id);
    }

    [Fact]
    public void OnDutyAt_NightShift_EndsNextMorning()
    {
        var duty = Roster.OnDutyAt("ops", InlineRoster.At("2026-11-02 23:00"));

        Assert.Equal(InlineRoster.At("2026-11-03 09:30"), duty.ShiftEndsAt);
        Assert.Contains("in rotation", duty.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-03 11:59", "a")]
    [InlineData("2026-11-03 12:00", "c")]
    [InlineData("2026-11-03 13:59", "c")]
    [InlineData("2026-11-03 14:00", "a")]
    public void OnDutyAt_Override_WinsForItsRangeOnly(string local, string primary)
    {
        var roster = InlineRoster.Load("""{ person: c, from: "2026-11-03 12:00", to: "2026-11-03 14:00", shift: day, reason: dentist swap }""").Roster;

        var duty = roster.OnDutyAt("ops", InlineRoster.At(local));

        Assert.Equal(primary, duty.Primary?.Id);
        Assert.Equal("b", duty.Backup?.Id);
        Assert.Equal(primary == "c", duty.Reason.Contains("by override (dentist swap) instead of Anna", StringComparison.Ordinal));
    }

    [Fact]
    public void OnDutyAt_OverrideForTheDayShift_LeavesTheNightAlone()
    {
        var roster = InlineRoster.Load("""{ person: c, from: "2026-11-03 00:00", to: "2026-11-04 00:00", shift: day }""").Roster;

        Assert.Equal("b", roster.OnDutyAt("ops", InlineRoster.At("2026-11-03 03:00")).Primary?.Id);
        Assert.Equal("c", roster.OnDutyAt("ops", InlineRoster.At("2026-11-03 10:00")).Primary?.Id);
        Assert.Equal("b", roster.OnDutyAt("ops", InlineRoster.At("2026-11-03 20:00")).Primary?.Id);
    }

    [Fact]
    public void OnDutyAt_OverrideByTheBackup_BackupIsTheNextOneAfter()
    {
        var roster = InlineRoster.Load("""{ person: b, from: "2026-11-03 09:30", to: "2026-11-03 18:00" }""").Roster;

        var duty = roster.OnDutyAt("ops", InlineRoster.At("2026-11-03 10:00"));

        Assert.Equal("b", duty.Primary?.Id);
        Assert.Equal("c", duty.Backup?.Id);
    }

    [Fact]
    public void OnDutyAt_BusinessHoursOnlyTeamInBusinessHours_ItsOwnRotation()
    {
        var duty = Roster.OnDutyAt("app", InlineRoster.At("2026-11-03 10:00"));

        Assert.Equal(("app", "app", "a", "b", "c"), (duty.Team, duty.CoveringTeam, duty.Primary?.Id, duty.Backup?.Id, duty.Senior?.Id));
        Assert.Equal(InlineRoster.At("2026-11-03 18:00"), duty.ShiftEndsAt);
    }

    // rule, Shanghai wall clock, why
    public static TheoryData<string, string, string> AfterHours => new()
    {
        { "a weekday evening", "2026-11-03 20:00", "20:00 is outside business hours 09:30–18:00" },
        { "a weekend", "2026-11-07 11:00", "2026-11-07 is a Saturday, not a working day" },
        { "a Chinese public holiday on a Thursday", "2026-10-01 10:00", "2026-10-01 is a public holiday (National Day)" },
    };

    [Theory]
    [MemberData(nameof(AfterHours))]
    public void OnDutyAt_BusinessHoursOnlyTeamOutsideBusinessHours_AfterHoursTeamCovers(string rule, string local, string why)
    {
        var at = InlineRoster.At(local);
        var duty = Roster.OnDutyAt("app", at);
        var ops = Roster.OnDutyAt("ops", at);

        Assert.True(duty.CoveringTeam == "ops", rule);
        Assert.Equal("app", duty.Team);
        Assert.Equal(ops.Primary, duty.Primary);
        Assert.Equal(ops.Backup, duty.Backup);
        Assert.Equal("s", duty.Senior?.Id);
        Assert.Contains($"app is on duty in business hours only and {why}: ops covers", duty.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OnDutyAt_MakeUpWorkingDayOnASaturday_BusinessHoursTeamOnDuty()
    {
        var duty = Roster.OnDutyAt("app", InlineRoster.At("2026-10-10 10:00"));

        Assert.Equal("app", duty.CoveringTeam);
        Assert.NotNull(duty.Primary);
    }

    [Fact]
    public void OnDutyAt_AfterHoursCoverOverTheWeekend_EndsAtTheNextBusinessMorningAtTheLatest()
    {
        var duty = Roster.OnDutyAt("app", InlineRoster.At("2026-11-08 23:00"));

        Assert.Equal(InlineRoster.At("2026-11-09 09:30"), duty.ShiftEndsAt);
    }

    [Fact]
    public void OnDutyAt_TeamWithoutRotation_NobodyAndWhy()
    {
        var duty = Roster.OnDutyAt("network", InlineRoster.At("2026-11-03 10:00"));

        Assert.Null(duty.Primary);
        Assert.Equal("no rotation for team network in oncall.yaml", duty.Reason);
        Assert.Null(Roster.Empty.OnDutyAt("ops", InlineRoster.At("2026-11-03 10:00")).Primary);
    }

    [Fact]
    public void Shifts_TwoDaysOfA24x7Team_ConsecutiveWholeShifts()
    {
        var shifts = Roster.Shifts("ops", InlineRoster.At("2026-11-02 10:00"), InlineRoster.At("2026-11-04 10:00"));

        Assert.Equal(["day a", "night b", "day a", "night b", "day a"], shifts.Select(s => $"{s.Name} {s.Holder.Id}"));
        Assert.Equal(InlineRoster.At("2026-11-02 09:30"), shifts[0].Start);
        Assert.Equal(InlineRoster.At("2026-11-04 18:00"), shifts[^1].End);
        Assert.All(shifts.Zip(shifts.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
    }

    [Fact]
    public void Shifts_BusinessHoursTeamOverAWeekend_OwnDaysAndTheAfterHoursTeamBetween()
    {
        var shifts = Roster.Shifts("app", InlineRoster.At("2026-11-06 10:00"), InlineRoster.At("2026-11-09 10:00"));

        Assert.Equal(
            ["app day b", "ops night b", "ops day a", "ops night b", "ops day a", "ops night b", "app day a"],
            shifts.Select(s => $"{s.CoveringTeam} {s.Name} {s.Holder.Id}"));
        Assert.All(shifts.Zip(shifts.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(InlineRoster.At("2026-11-06 09:30"), shifts[0].Start);
    }

    [Fact]
    public void Shifts_Override_SplitsTheShiftWithItsReason()
    {
        var roster = InlineRoster.Load("""{ person: c, from: "2026-11-03 12:00", to: "2026-11-03 14:00", reason: dentist swap }""").Roster;

        var shifts = roster.Shifts("ops", InlineRoster.At("2026-11-03 10:00"), InlineRoster.At("2026-11-03 17:00"));

        Assert.Equal(["a -", "c dentist swap", "a -"], shifts.Select(s => $"{s.Holder.Id} {s.Override ?? "-"}"));
        Assert.Equal(InlineRoster.At("2026-11-03 14:00"), shifts[1].End);
    }

    [Fact]
    public void Roster_People_FoundByIdAndPhone()
    {
        Assert.Equal("王波", Roster.People["b"].Name);
        Assert.Equal([PageChannel.Call, PageChannel.Sms], Roster.People["c"].Channels);
        Assert.Equal("b", Roster.FindByPhone(" +8613800000002 ")?.Id);
        Assert.Null(Roster.FindByPhone("+8613800009999"));
        Assert.Equal(["app", "ops"], Roster.Teams);
        Assert.True(Roster.HasTeam("ops"));
        Assert.False(Roster.HasTeam("network"));
    }
}
