using AlertEngine.Classify;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// Every holiday and SLA fixture in TestData/ has one kind of mistake (named for it); each must be
/// rejected with its exact error and position, like a bad rule file. Holiday fixtures are loaded
/// as rules/holidays/2026.yaml, SLA fixtures as rules/05-sla.yaml.
/// </summary>
public sealed class BrokenCalendarFileTests
{
    private const string HolidayFile = "rules/holidays/2026.yaml";
    private const string SlaFile = "rules/05-sla.yaml";

    // fixture, expected errors (line:column: reason)
    public static TheoryData<string, string[]> Fixtures => new()
    {
        { "holidays.date-outside-year.yaml", ["2:5: 2027-01-01 is not in 2026: rules/holidays/2026.yaml holds that year only"] },
        { "holidays.unknown-key.yaml", ["1:1: unknown key 'day_off' in a holiday file (did you mean 'days_off'?)"] },
        { "holidays.unknown-entry-key.yaml", ["2:25: unknown key 'nmae' in a days_off entry (did you mean 'name'?)"] },
        { "holidays.not-a-date.yaml", ["2:5: days_off must be a date like 2026-10-01, not '2026-02-30'"] },
        { "holidays.range-ends-before-it-starts.yaml", ["2:29: impossible days_off range: 2026-10-01 is before 2026-10-07"] },
        { "holidays.day-off-and-working-day.yaml", ["4:5: 2026-10-03 is already a day off at rules/holidays/2026.yaml:2"] },
        { "holidays.working-day-on-a-weekday.yaml", ["2:5: 2026-10-08 is a Thursday, a working day already: working_days lists the weekend days that are worked (make-up days)"] },
        { "holidays.date-listed-twice.yaml", ["3:5: 2026-10-05 is already listed under days_off at rules/holidays/2026.yaml:2"] },
        { "holidays.date-and-range.yaml", ["2:5: a days_off entry needs date, or from and to (both included), e.g. { from: 2026-10-01, to: 2026-10-07, name: National Day }"] },
        { "sla.unknown-level.yaml", ["2:3: unknown key 'l3' in sla (did you mean 'L3'?)"] },
        { "sla.unknown-term-key.yaml", ["2:22: unknown key 'resolv' in sla L3 (did you mean 'resolve'?)"] },
        { "sla.business-days-on-a-wall-clock.yaml", ["2:32: sla L1 resolve: '1 business day' needs business_time: true (this clock runs around the clock: give hours, e.g. 4h)"] },
        { "sla.resolve-before-respond.yaml", ["2:7: sla L2: respond (3h) ≤ resolve (2h) ≤ hard_limit (6h) must hold"] },
        { "sla.warn-share-out-of-range.yaml", ["2:15: sla warn_share must be a share of the respond window between 0% and 100% (exclusive), e.g. 75%, not '120%'"] },
        { "sla.not-a-duration.yaml", ["2:18: sla L4 respond must be a duration such as 15m or 4h, or a number of business days such as 1 business day, not 'one day'"] },
        { "sla.business-time-not-a-flag.yaml", ["2:24: sla L3 business_time must be true or false, not 'sometimes'"] },
    };

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Load_BrokenCalendarFile_ExactErrorsWithPositions(string fixture, string[] expected)
    {
        var name = fixture.StartsWith("holidays.", StringComparison.Ordinal) ? HolidayFile : SlaFile;
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Classify", "TestData", fixture));

        var load = RuleSetLoader.Load([new RuleSource("rules/90-levels.yaml", "rules:\n  - name: all\n    level: L4\n"), new RuleSource(name, text)]);

        Assert.Null(load.Rules);
        Assert.Equal(expected.Select(e => $"{name}:{e}"), load.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Load_EveryCalendarFixture_IsCoveredByTheTable()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "Classify", "TestData");
        var files = Directory.GetFiles(folder, "holidays.*.yaml").Concat(Directory.GetFiles(folder, "sla.*.yaml")).Select(Path.GetFileName);
        var covered = Fixtures.Select(row => row.Data.Item1);

        Assert.Equal(files.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Load_HolidayFileNotNamedByYear_Rejected()
    {
        var error = Assert.Single(InlineRules.ErrorsOf(("rules/holidays/china.yaml", "days_off: [2026-10-01]\n")));

        Assert.Equal("rules/holidays/china.yaml: a holiday file is named by its year, e.g. holidays/2027.yaml", error.ToString());
    }

    [Fact]
    public void Load_SlaInTwoFiles_Rejected()
    {
        var error = Assert.Single(InlineRules.ErrorsOf(("05-sla.yaml", "sla:\n  warn_share: 80%\n"), ("06-more.yaml", "sla:\n  L1: { respond: 10m }\n")));

        Assert.Equal("06-more.yaml:2:3: the SLA table is already given at 05-sla.yaml:2: keep it in one file", error.ToString());
    }

    [Fact]
    public void Load_SameDateInTwoYearFiles_CannotHappen_DateMustBeInItsOwnYear()
    {
        var errors = InlineRules.ErrorsOf(("rules/holidays/2027.yaml", "days_off: [2026-10-01]\n"));

        Assert.Equal("rules/holidays/2027.yaml:1:12: 2026-10-01 is not in 2027: rules/holidays/2027.yaml holds that year only", Assert.Single(errors).ToString());
    }
}
