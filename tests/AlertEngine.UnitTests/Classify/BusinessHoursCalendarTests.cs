using System.Globalization;
using AlertEngine.Classify;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// The <c>business_hours</c> matcher and <see cref="RuleSettings.IsBusinessHours"/> follow the
/// business calendar: public holidays are off, make-up working days on (they ignored holidays before).
/// </summary>
public sealed class BusinessHoursCalendarTests
{
    private static readonly (string, string)[] Folder =
    [
        ("00-settings.yaml", "teams:\n  ops: {}\n  berlin: { time_zone: Europe/Berlin }\n"),
        ("50-rules.yaml", """
            rules:
              - name: berlin-events
                match: { host: "srv-de-*" }
                team: berlin
                continue: true
              - name: office-hours-is-l3
                match: { time: { business_hours: true } }
                level: L3
              - name: otherwise-l4
                level: L4
            """),
        ("holidays/2026.yaml", "days_off:\n  - { from: 2026-10-01, to: 2026-10-07, name: National Day }\nworking_days:\n  - { date: 2026-10-10, name: National Day }\n"),
    ];

    private static readonly RuleSet Rules = InlineRules.LoadFiles(Folder);

    // rule checked, host, Beijing time, level (L3 = in business hours)
    public static TheoryData<string, string, string, SupportLevel> Cases => new()
    {
        { "an ordinary Wednesday morning", "srv-nc-web1", "2026-09-30 10:00", SupportLevel.L3 },
        { "National Day morning is a holiday", "srv-nc-web1", "2026-10-01 10:00", SupportLevel.L4 },
        { "a weekday in the holiday week", "srv-nc-web1", "2026-10-06 15:00", SupportLevel.L4 },
        { "the make-up Saturday is a working day", "srv-nc-web1", "2026-10-10 10:00", SupportLevel.L3 },
        { "the make-up Saturday evening is not", "srv-nc-web1", "2026-10-10 18:00", SupportLevel.L4 },
        { "an ordinary Saturday", "srv-nc-web1", "2026-10-17 10:00", SupportLevel.L4 },
        { "a Berlin team on its own clock: Beijing 16:00 is Berlin 10:00 on a holiday", "srv-de-web1", "2026-10-02 16:00", SupportLevel.L4 },
        { "a Berlin team on the make-up Saturday, Berlin 10:00", "srv-de-web1", "2026-10-10 16:00", SupportLevel.L3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_BusinessHoursMatcher_FollowsTheCalendar(string rule, string host, string at, SupportLevel expected)
    {
        var c = Rules.Classify(ZabbixEvents.Problem(host), Beijing(at));

        Assert.True(expected == c.Level, $"{rule}: {c.Reason}");
    }

    [Theory]
    [InlineData("2026-10-01 10:00", false)]
    [InlineData("2026-10-10 10:00", true)]
    [InlineData("2026-10-09 10:00", true)]
    public void IsBusinessHours_SkipsHolidaysCountsMakeUpDays(string at, bool expected) =>
        Assert.Equal(expected, Rules.Settings.IsBusinessHours(Beijing(at), "ops"));

    [Fact]
    public void Explain_HolidayMorning_SaysWhyOutsideBusinessHours()
    {
        var verdict = Rules.Explain(ZabbixEvents.Problem("srv-nc-web1"), Beijing("2026-10-01 10:00")).Rules.Single(r => r.Name == "office-hours-is-l3");

        Assert.Equal("Thu 2026-10-01 10:00 Asia/Shanghai is outside business hours (mon,tue,wed,thu,fri 09:30–18:00; 2026-10-01 is a public holiday (National Day))", verdict.WhyNot);
    }

    private static DateTimeOffset Beijing(string local) =>
        new(DateTime.ParseExact(local, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));
}
