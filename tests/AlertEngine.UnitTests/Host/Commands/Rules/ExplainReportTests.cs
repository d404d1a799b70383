using AlertEngine.Classify;
using AlertEngine.Host.Commands.Rules;
using AlertEngine.UnitTests.Classify;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Host.Commands.Rules;

/// <summary>What `rules explain` prints for the sample event: every rule in order with why, then the result.</summary>
public sealed class ExplainReportTests
{
    private static readonly RuleSet Shipped = RuleSetLoader.LoadFolder(ShippedRulesTests.RulesFolder()).Rules!;

    [Fact]
    public void Write_SampleHighEvent_RulesInOrderWhyNotAndResult()
    {
        var e = ZabbixEvents.Problem(host: "srv-acme-web1", severity: 4);
        using var output = new StringWriter();

        ExplainReport.Write(output, Shipped, "rules", e, Shipped.Explain(e), atGiven: false);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("Event   main:51  problem  high  srv-acme-web1  \"App health critical on srv-acme-web1\"", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Time    2026-11-26 04:20:19 +08:00 Asia/Shanghai, Thursday, outside business hours (the event's clock)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  no     disaster-is-l1 ", StringComparison.Ordinal) && l.EndsWith("severity high is not disaster", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  match  high-is-l2 ", StringComparison.Ordinal) && l.Contains("set level L2", StringComparison.Ordinal) && l.EndsWith("<- decides", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  -      average-is-l3 ", StringComparison.Ordinal) && l.EndsWith("not tried: high-is-l2 decided", StringComparison.Ordinal));
        Assert.Contains("  (none in the rules folder)", lines);
        Assert.Contains(lines, l => l.StartsWith("  customer         acme ", StringComparison.Ordinal) && l.EndsWith("by customer-from-host-name", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  correlation key  main:trigger:23137 ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("  decided by       high-is-l2 (", StringComparison.Ordinal));
    }

    [Fact]
    public void Write_SuppressedByZabbix_SaysWhy()
    {
        var e = ZabbixEvents.Problem(severity: 5) with { Suppressed = true };
        using var output = new StringWriter();

        ExplainReport.Write(output, Shipped, "rules", e, Shipped.Explain(e), atGiven: false);

        Assert.Contains("  suppressed       yes: Zabbix maintenance", output.ToString(), StringComparison.Ordinal);
    }
}
