using AlertEngine.Classify;
using AlertEngine.Host.Commands.Bench.Rules;
using AlertEngine.Ingest;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// Classifying tries only the rules that can match the event's severity; explaining tries every rule.
/// Both must come to the same result, for every severity, including numbers outside 0–5.
/// </summary>
public sealed class RuleSetSeverityIndexTests
{
    private const string Rules = """
        rules:
          - name: customer-from-tag
            match: { tag: { key: customer, regex: '\S' } }
            customer: "{tag.customer|trim|lower}"
            continue: true
          - name: disaster-on-db
            match: { severity: disaster, host: "srv-*-db*" }
            level: L1
          - name: high-and-up-is-l2
            match: { severity: { at_least: high } }
            level: L2
            continue: true
          - name: any-severity-for-nc
            match: { host: "srv-nc-*" }
            team: ops
            labels: { source: nc }
            continue: true
          - name: warnings-ignored-at-night
            match: { severity: [information, warning], time: { from: "22:00", to: "06:00" } }
            ignore: true
          - name: low
            match: { severity: { at_most: average } }
            level: L4
          - name: fallback
            level: L3
        """;

    public static TheoryData<int> Severities => [-1, 0, 1, 2, 3, 4, 5, 6, 42];

    [Theory]
    [MemberData(nameof(Severities))]
    public void Classify_AnySeverity_SameAsExplainingEveryRule(int severity)
    {
        var set = InlineRules.Load(Rules);
        var events = new[]
        {
            ZabbixEvents.Problem("srv-nc-db1", severity),
            ZabbixEvents.Problem("srv-acme-web1", severity, new EventTag("customer", " ACME ")),
            ZabbixEvents.Problem("core-sw-02", severity) with { ProblemAt = ZabbixEvents.ProblemAt.AddHours(5) },
        };

        foreach (var e in events)
        {
            Assert.Equivalent(set.Explain(e).Result, set.Classify(e), strict: true);
        }
    }

    [Fact]
    public void Classify_BenchEventsWithShippedAndGeneratedRules_SameAsExplainingEveryRule()
    {
        var shipped = RuleSetLoader.Load(RuleSetLoader.EmbeddedDefaults()).Rules!;
        var generated = RuleSetLoader.Load(GeneratedRules.Sources()).Rules!;

        foreach (var e in RuleBenchEvents.Create(200))
        {
            Assert.Equivalent(shipped.Explain(e).Result, shipped.Classify(e), strict: true);
            Assert.Equivalent(generated.Explain(e).Result, generated.Classify(e), strict: true);
        }
    }
}
