using AlertEngine.Reports;

namespace AlertEngine.UnitTests.Reports;

/// <summary>Shifts between the shift changes of the cron schedules, on the team's clock.</summary>
public sealed class ShiftScheduleTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private static readonly ShiftSchedule Defaults = ShiftSchedule.From(new ReportsOptions(), Shanghai);

    private static DateTimeOffset Local(int day, int hour, int minute) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(8));

    // rule, now (local day, hour, minute), expected shift start and end (day, hour, minute)
    public static TheoryData<string, (int, int, int), (int, int, int), (int, int, int)> JustEndedCases => new()
    {
        { "evening run: the day shift", (1, 18, 0), (1, 9, 30), (1, 18, 0) },
        { "a few minutes after the evening change", (1, 18, 5), (1, 9, 30), (1, 18, 0) },
        { "morning run: the night shift across midnight", (2, 9, 30), (1, 18, 0), (2, 9, 30) },
        { "just before the morning change: the day shift before", (2, 9, 29), (1, 9, 30), (1, 18, 0) },
        { "midnight: the day shift", (2, 0, 0), (1, 9, 30), (1, 18, 0) },
    };

    [Theory]
    [MemberData(nameof(JustEndedCases))]
    public void JustEnded_DefaultChanges_TheShiftBetweenTheLastTwo(string rule, (int, int, int) now, (int, int, int) from, (int, int, int) to)
    {
        var shift = Defaults.JustEnded(Local(now.Item1, now.Item2, now.Item3));

        Assert.True(
            (shift.From, shift.To) == (Local(from.Item1, from.Item2, from.Item3), Local(to.Item1, to.Item2, to.Item3)),
            $"{rule}: {shift.From:u} – {shift.To:u}");
    }

    [Fact]
    public void EndingAt_AChange_StartsAtTheChangeBefore()
    {
        var shift = Defaults.EndingAt(Local(3, 18, 0));

        Assert.Equal((Local(3, 9, 30), Local(3, 18, 0), Shanghai), (shift.From, shift.To, shift.TimeZone));
    }

    [Fact]
    public void Current_DuringTheNight_FromTheEveningChangeToTheMorningOne()
    {
        var shift = Defaults.Current(Local(1, 23, 0));

        Assert.Equal((Local(1, 18, 0), Local(2, 9, 30)), (shift.From, shift.To));
    }

    [Fact]
    public void JustEnded_ThreeChangesOnWeekdaysOnly_FridayNightRunsToMonday()
    {
        var schedule = new ShiftSchedule(["0 0 8 ? * MON-FRI", "0 0 16 ? * MON-FRI", "0 0 0 ? * TUE-SAT"], Shanghai);

        // 2026-12-07 is a Monday: the shift before its 08:00 change began at Saturday's 00:00.
        var shift = schedule.JustEnded(Local(7, 8, 0));

        Assert.Equal((Local(5, 0, 0), Local(7, 8, 0)), (shift.From, shift.To));
    }

    [Fact]
    public void EndingAt_NoChangeInTheLastMonth_OneDay()
    {
        var schedule = new ShiftSchedule(["0 0 9 1 1 ? 2020"], Shanghai);

        var shift = schedule.EndingAt(Local(2, 9, 0));

        Assert.Equal(TimeSpan.FromDays(1), shift.To - shift.From);
    }
}
