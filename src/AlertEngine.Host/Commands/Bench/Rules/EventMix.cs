using AlertEngine.Classify;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>What the benchmark's events are like, and how the shipped rules classify them: for the report.</summary>
/// <param name="Events">Events in the mix (classified in turn, over and over).</param>
/// <param name="Customers">Distinct customers the shipped rules find.</param>
/// <param name="ServerHosts">Share of events on <c>srv-&lt;customer&gt;-&lt;function&gt;</c> hosts.</param>
/// <param name="CustomerTags">Share of events with a customer tag.</param>
/// <param name="WithCustomer">Share of events the shipped rules give a customer.</param>
/// <param name="PerSeverity">Events per Zabbix severity, 0–5.</param>
internal sealed record EventMix(int Events, int Customers, double ServerHosts, double CustomerTags, double WithCustomer, IReadOnlyList<int> PerSeverity)
{
    public static EventMix Of(IReadOnlyList<ZabbixEvent> events, RuleSet shipped)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(shipped);
        var customers = events.Select(e => shipped.Classify(e).Customer).ToList();
        double Share(int count) => events.Count == 0 ? double.NaN : (double)count / events.Count;
        return new EventMix(
            events.Count,
            customers.OfType<string>().Distinct(StringComparer.Ordinal).Count(),
            Share(events.Count(e => e.Host.StartsWith("srv-", StringComparison.Ordinal))),
            Share(events.Count(e => e.TagValue("customer") is not null)),
            Share(customers.Count(c => c is not null)),
            [.. Enumerable.Range(0, 6).Select(s => events.Count(e => e.Severity == s))]);
    }

    public override string ToString() =>
        $"{Text.Count(Events)} events, severities {string.Join("/", PerSeverity.Select(n => Text.Count(n)))} (not classified … disaster), "
        + $"{Text.Percent(ServerHosts)} on srv-<customer>-<function> hosts, {Text.Percent(CustomerTags)} with a customer tag, "
        + $"{Text.Count(Customers)} customers; the shipped rules name a customer for {Text.Percent(WithCustomer)}";
}
