using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Sla;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Classify;

namespace AlertEngine.UnitTests.Sla;

/// <summary>
/// The deadline arithmetic on the shipped rules folder: its SLA table (the service agreement)
/// and its business calendar (Mon–Fri 09:30–18:00 Asia/Shanghai, holidays/2026.yaml). Every time
/// in the tables is Beijing time.
/// </summary>
public sealed class SlaDeadlinesTests
{
    private static readonly RuleSet Shipped = RuleSetLoader.LoadFolder(ShippedRulesTests.RulesFolder()).Rules!;

    // rule checked, level, raised at, which deadline, expected
    public static TheoryData<string, SupportLevel, string, string, string> Deadlines => new()
    {
        { "L3 raised Friday 17:00: 1h Friday + 3h Monday", SupportLevel.L3, "2026-11-27 17:00", "respond", "2026-11-30 12:30" },
        { "L3 raised Saturday: the clock starts Monday 09:30", SupportLevel.L3, "2026-11-28 10:00", "respond", "2026-11-30 13:30" },
        { "L3 raised Friday before Spring Festival: the make-up Saturday counts", SupportLevel.L3, "2026-02-13 17:00", "respond", "2026-02-14 12:30" },
        { "L3 raised before National Day: the holiday week does not count", SupportLevel.L3, "2026-09-30 16:00", "respond", "2026-10-08 11:30" },
        { "L4 raised before National Day: resolved by the working Saturday", SupportLevel.L4, "2026-09-30 16:00", "resolve", "2026-10-10 16:00" },
        { "L1 on a holiday night: wall time", SupportLevel.L1, "2026-10-01 03:00", "respond", "2026-10-01 03:15" },
        { "L4 respond is one business day (8.5h) across a weekend", SupportLevel.L4, "2026-11-27 14:00", "respond", "2026-11-30 14:00" },
        { "raised exactly at opening: counts from 09:30", SupportLevel.L3, "2026-11-25 09:30", "respond", "2026-11-25 13:30" },
        { "raised exactly at closing: counts from the next morning", SupportLevel.L3, "2026-11-25 18:00", "respond", "2026-11-26 13:30" },
        { "raised at lunch: no lunch break, the hours are continuous", SupportLevel.L3, "2026-11-25 12:30", "respond", "2026-11-25 16:30" },
        { "raised before opening: counts from 09:30", SupportLevel.L3, "2026-11-25 07:00", "respond", "2026-11-25 13:30" },
        { "raised on a holiday: counts from the next working morning", SupportLevel.L3, "2026-10-02 10:00", "respond", "2026-10-08 13:30" },
        { "raised on a holiday Saturday: the make-up Sunday counts", SupportLevel.L3, "2026-01-03 10:00", "respond", "2026-01-04 13:30" },
        { "deadline landing on 18:00 stays 18:00 that day", SupportLevel.L3, "2026-11-25 14:00", "respond", "2026-11-25 18:00" },
        { "one business day from opening ends at 18:00 that day", SupportLevel.L3, "2026-11-25 09:30", "resolve", "2026-11-25 18:00" },
        { "L4 resolve over Spring Festival lands on 18:00", SupportLevel.L4, "2026-02-13 09:30", "resolve", "2026-02-24 18:00" },
        { "L3 resolve is one business day", SupportLevel.L3, "2026-11-27 17:00", "resolve", "2026-11-30 17:00" },
        { "L1 resolve: 60 min wall time", SupportLevel.L1, "2026-10-01 03:00", "resolve", "2026-10-01 04:00" },
        { "L1 hard limit: 4h wall time", SupportLevel.L1, "2026-10-01 03:00", "hard", "2026-10-01 07:00" },
        { "L2 respond: 30 min wall time at night", SupportLevel.L2, "2026-11-28 23:50", "respond", "2026-11-29 00:20" },
        { "L2 hard limit: 6h wall time", SupportLevel.L2, "2026-11-28 23:50", "hard", "2026-11-29 05:50" },
        { "L3 hard limit: two business days", SupportLevel.L3, "2026-11-27 17:00", "hard", "2026-12-01 17:00" },
        { "L4 hard limit: five business days over National Day", SupportLevel.L4, "2026-09-30 16:00", "hard", "2026-10-13 16:00" },
        { "L3 warn at 75 % of respond: 3 business hours", SupportLevel.L3, "2026-11-27 17:00", "warn", "2026-11-30 11:30" },
        { "L3 warn inside one day", SupportLevel.L3, "2026-11-25 09:30", "warn", "2026-11-25 12:30" },
        { "L1 warn at 75 % of 15 min", SupportLevel.L1, "2026-10-01 03:00", "warn", "2026-10-01 03:11:15" },
        { "L4 warn at 75 % of one business day (6h22m30s)", SupportLevel.L4, "2026-11-25 09:30", "warn", "2026-11-25 15:52:30" },
    };

    // rule checked, level, since, until, counted
    public static TheoryData<string, SupportLevel, string, string, string> CountedTimes => new()
    {
        { "business time across a weekend", SupportLevel.L3, "2026-11-27 17:00", "2026-11-30 10:30", "02:00:00" },
        { "business time across National Day", SupportLevel.L4, "2026-09-30 17:00", "2026-10-08 10:30", "02:00:00" },
        { "a make-up Saturday counts whole", SupportLevel.L3, "2026-02-14 08:00", "2026-02-14 20:00", "08:30:00" },
        { "a weekend counts nothing", SupportLevel.L3, "2026-11-28 08:00", "2026-11-29 20:00", "00:00:00" },
        { "wall time across a weekend", SupportLevel.L1, "2026-11-27 17:00", "2026-11-30 10:30", "2.17:30:00" },
        { "until before since: zero", SupportLevel.L3, "2026-11-30 10:30", "2026-11-27 17:00", "00:00:00" },
        { "until before since on a wall clock: zero", SupportLevel.L2, "2026-11-30 10:30", "2026-11-27 17:00", "00:00:00" },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void Deadlines_ShippedTableAndCalendar_ExactInstant(string rule, SupportLevel level, string raised, string which, string expected)
    {
        var deadlines = SlaDeadlines.For(level, Beijing(raised), Shipped.Sla, Shipped.Calendar);

        var actual = which switch
        {
            "respond" => deadlines.RespondBy,
            "resolve" => deadlines.ResolveBy,
            "hard" => deadlines.HardLimit,
            _ => deadlines.RespondWarnAt,
        };
        Assert.True(Beijing(expected) == actual, $"{rule}: expected {expected}, got {actual.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm:ss}");
    }

    [Theory]
    [MemberData(nameof(CountedTimes))]
    public void Counted_ShippedTableAndCalendar_ExactSpan(string rule, SupportLevel level, string since, string until, string expected)
    {
        var counted = SlaDeadlines.Counted(level, Beijing(since), Beijing(until), Shipped.Sla, Shipped.Calendar);

        Assert.True(TimeSpan.Parse(expected, CultureInfo.InvariantCulture) == counted, $"{rule}: expected {expected}, got {counted}");
    }

    [Theory]
    [InlineData(SupportLevel.L1, false)]
    [InlineData(SupportLevel.L2, false)]
    [InlineData(SupportLevel.L3, true)]
    [InlineData(SupportLevel.L4, true)]
    public void Table_Shipped_L1L2WallTimeL3L4BusinessTime(SupportLevel level, bool business) =>
        Assert.Equal(business, Shipped.Sla.For(level).BusinessTime);

    [Fact]
    public void Table_NoSlaSection_IsTheAgreement()
    {
        var rules = InlineRules.Load("rules:\n  - name: all\n    level: L4\n");

        Assert.Equal(Shipped.Sla.WarnShare, rules.Sla.WarnShare);
        foreach (var level in Enum.GetValues<SupportLevel>())
        {
            Assert.Equal(Shipped.Sla.For(level), rules.Sla.For(level));
        }
    }

    [Fact]
    public void Table_LevelPartlyGiven_RestIsTheAgreement()
    {
        var rules = InlineRules.Load("sla:\n  warn_share: 0.5\n  L3: { respond: 2h }\n");

        Assert.Equal(new SlaTerms(TimeSpan.FromHours(2), TimeSpan.FromHours(8.5), TimeSpan.FromHours(17), true), rules.Sla.For(SupportLevel.L3));
        Assert.Equal(0.5, rules.Sla.WarnShare);
    }

    [Fact]
    public void Table_BusinessDay_FollowsTheBusinessHours()
    {
        var rules = InlineRules.Load("settings:\n  business_hours: { weekdays: [mon, tue, wed, thu, fri], from: \"09:00\", to: \"18:00\" }\n");

        Assert.Equal(TimeSpan.FromHours(27), rules.Sla.For(SupportLevel.L4).Resolve);
    }

    private static DateTimeOffset Beijing(string local) =>
        new(DateTime.ParseExact(local, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.FromHours(8));
}
