using AlertEngine.Classify;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary><c>flapping</c> and recurrence <c>quiet</c>: defaults, first set wins, off, and their errors.</summary>
public sealed class FlappingAndQuietRulesTests
{
    private static readonly RuleSet Set = InlineRules.Load("""
        rules:
          - name: backups-never-flap
            match: { tag: service=backup }
            flapping: off
            recurrence: { count: 2, within: 7d, quiet: 3d }
            continue: true
          - name: web-flaps-quickly
            match: { host: "srv-*-web*" }
            flapping: { within: 5m }
            recurrence: { count: 3, within: 24h }
            continue: true
          - name: everything-l3
            level: L3
            flapping: { within: 1h }
        """);

    public static TheoryData<string, string, string, string, TimeSpan> Cases => new()
    {
        // name, host, service tag, expected flapping, expected quiet
        { "off from the first rule wins over later values", "srv-acme-web1", "backup", "off", TimeSpan.FromDays(3) },
        { "first rule that sets it decides", "srv-acme-web1", "web", "within 5m", TimeSpan.FromHours(24) },
        { "a later rule fills it in when earlier ones did not", "srv-acme-db1", "db", "within 1h", TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_FlappingAndQuiet_FirstSetWins(string name, string host, string service, string flapping, TimeSpan quiet)
    {
        var c = Set.Classify(ZabbixEvents.Problem(host, 3, [new("service", service)]));

        Assert.True(flapping == c.Flapping.ToString(), $"{name}: flapping {c.Flapping}");
        Assert.True(quiet == c.Recurrence.Quiet, $"{name}: quiet {c.Recurrence.Quiet}");
    }

    [Fact]
    public void Classify_NoRuleSetsFlapping_Default15Minutes()
    {
        var c = InlineRules.Load("rules:\n  - name: l3\n    level: L3\n").Classify(ZabbixEvents.Problem("h", 3, []));

        Assert.Equal(TimeSpan.FromMinutes(15), c.Flapping.Within);
        Assert.Equal("within 15m", c.Flapping.ToString());
    }

    [Fact]
    public void Recurrence_QuietNotWritten_DefaultsToTheWindow()
    {
        var policy = new RecurrencePolicy(3, TimeSpan.FromHours(24));

        Assert.Equal(TimeSpan.FromHours(24), policy.Quiet);
        Assert.Equal("3 times within 24h", policy.ToString());
        Assert.Equal("2 times within 7d, quiet 3d", (new RecurrencePolicy(2, TimeSpan.FromDays(7)) { QuietSet = TimeSpan.FromDays(3) }).ToString());
    }

    [Fact]
    public void Load_FlappingWithinZero_ErrorWithPosition()
    {
        var errors = InlineRules.Errors("rules:\n  - name: x\n    flapping: { within: 0m }\n");

        Assert.Equal("test.yaml:3:25: flapping within must be a duration such as 30m, 24h or 7d, not '0m'", Assert.Single(errors).ToString());
    }
}
