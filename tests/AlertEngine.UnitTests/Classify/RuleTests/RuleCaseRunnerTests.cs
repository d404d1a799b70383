using AlertEngine.Classify;
using AlertEngine.Classify.RuleTests;

namespace AlertEngine.UnitTests.Classify.RuleTests;

/// <summary>Cases run against the rules: only the expected keys are compared; a failure lists each key expected otherwise.</summary>
public sealed class RuleCaseRunnerTests
{
    private static readonly RuleSet Shipped = RuleSetLoader.LoadFolder(ShippedRulesTests.RulesFolder()).Rules!;

    [Fact]
    public void Run_ExpectationsMet_Passes()
    {
        var c = Case("cases:\n  - name: a\n    event: { severity: high, host: srv-nc-web1 }\n    expect: { level: L2, customer: nc, page: now, rule: high-is-l2, suppressed: false }\n");

        var result = RuleCaseRunner.Run(Shipped, c);

        Assert.True(result.Passed);
        Assert.Empty(result.Differences);
    }

    [Fact]
    public void Run_WrongExpectations_EveryDifferingKeyWithExpectedAndActual()
    {
        var c = Case("cases:\n  - name: a\n    event: { severity: high, host: core-switch }\n    expect: { level: L1, customer: nc, team: ops, recurrence: off }\n");

        var result = RuleCaseRunner.Run(Shipped, c);

        Assert.False(result.Passed);
        Assert.Equal(
            [new("level", "L1", "L2"), new("customer", "nc", "(none)"), new("recurrence", "off", "3 times within 24h")],
            result.Differences);
    }

    [Fact]
    public void Run_RecurrenceWrittenInOtherUnits_ComparesTheDuration()
    {
        var c = Case("cases:\n  - name: a\n    event: { severity: disaster }\n    expect: { recurrence: { count: 3, within: 1440m } }\n");

        Assert.True(RuleCaseRunner.Run(Shipped, c).Passed);
    }

    [Fact]
    public void Run_AtGiven_ClassifiesAtThatTime()
    {
        var rules = InlineRules.Load("""
            rules:
              - name: night
                match: { time: { business_hours: false } }
                level: L1
            """);
        var day = Case("cases:\n  - name: a\n    event: {}\n    at: \"2026-11-25 10:00\"\n    expect: { level: L1 }\n");
        var night = Case("cases:\n  - name: a\n    event: {}\n    at: \"2026-11-25 23:00\"\n    expect: { level: L1 }\n");

        Assert.False(RuleCaseRunner.Run(rules, day).Passed);
        Assert.True(RuleCaseRunner.Run(rules, night).Passed);
    }

    private static RuleCase Case(string text)
    {
        var yaml = new RuleYaml("t.yaml");
        var cases = RuleCaseFile.Read(yaml, text, Shipped.Settings.TimeZone);
        Assert.Empty(yaml.Errors);
        return Assert.Single(cases);
    }
}
