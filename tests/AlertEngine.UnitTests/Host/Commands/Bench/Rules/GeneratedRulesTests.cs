using AlertEngine.Classify;
using AlertEngine.Host.Commands.Bench.Rules;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Rules;

/// <summary>
/// The generated 1,000-rule set of <c>bench rules</c> measures what the report says: it loads, and
/// every event of the mix is decided by the rule near the end after all rules before it were tried.
/// </summary>
public sealed class GeneratedRulesTests
{
    private static readonly RuleSet Generated = Load();

    [Fact]
    public void Generated_Load_ThousandRulesWithoutErrors()
    {
        Assert.Equal(GeneratedRules.Count, Generated.RuleCount);
        Assert.Equal(1_000, GeneratedRules.Count);
        Assert.InRange(GeneratedRules.MatchingRule, 990, GeneratedRules.Count);
    }

    [Fact]
    public void Generated_EveryEventOfTheMix_DecidedByTheRuleNearTheEnd()
    {
        var expected = GeneratedRules.NameOf(GeneratedRules.MatchingRule);

        var deciders = RuleBenchEvents.Create().Select(e => Generated.Classify(e).Rule).Distinct().ToList();

        Assert.Equal([expected], deciders);
    }

    [Fact]
    public void Generated_OneEventExplained_EveryRuleBeforeTheMatchingOneTriedAndRejected()
    {
        var e = RuleBenchEvents.Create()[0];

        var verdicts = Generated.Explain(e).Rules;

        Assert.Equal(GeneratedRules.MatchingRule, verdicts.Count);
        Assert.All(verdicts.SkipLast(1), v => Assert.False(v.Matched, v.Name));
        Assert.True(verdicts[^1].Matched);
        Assert.Equal(GeneratedRules.NameOf(GeneratedRules.MatchingRule), verdicts[^1].Name);
    }

    [Fact]
    public void Generated_RulesBeforeTheMatchingOne_NotAllRejectedBySeverity()
    {
        // The set must cost more than one cheap check per rule: most rejections come from tags, hosts, host groups or event names.
        var verdicts = RuleBenchEvents.Create().Take(50).SelectMany(e => Generated.Explain(e).Rules.Where(v => !v.Matched)).ToList();

        var bySeverity = verdicts.Count(v => v.WhyNot!.StartsWith("severity", StringComparison.Ordinal));

        Assert.True(bySeverity < verdicts.Count / 3, $"{bySeverity} of {verdicts.Count} rejections are by severity");
        Assert.Contains(verdicts, v => v.WhyNot!.Contains("regex", StringComparison.Ordinal));
        Assert.Contains(verdicts, v => v.WhyNot!.StartsWith("no tag", StringComparison.Ordinal));
    }

    [Fact]
    public void Events_Create_SameSeededMixWithEverySeverityAndSomeNonServerHosts()
    {
        var first = RuleBenchEvents.Create();
        var again = RuleBenchEvents.Create();

        Assert.Equal(RuleBenchEvents.DefaultCount, first.Length);
        Assert.Equal(first.Select(e => (e.Host, e.Severity, e.EventName)), again.Select(e => (e.Host, e.Severity, e.EventName)));
        Assert.Equal([0, 1, 2, 3, 4, 5], first.Select(e => e.Severity).Distinct().Order());
        Assert.Contains(first, e => !e.Host.StartsWith("srv-", StringComparison.Ordinal));
        Assert.Contains(first, e => e.TagValue("customer") is not null);
    }

    private static RuleSet Load()
    {
        var load = RuleSetLoader.Load(GeneratedRules.Sources());
        Assert.True(load.Succeeded, string.Join("; ", load.Errors.Take(5)));
        return load.Rules!;
    }
}
