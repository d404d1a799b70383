using System.Globalization;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>
/// The events <c>bench rules</c> classifies: a fixed, seeded mix shaped like a Zabbix feed. All six
/// severities (most of them warning and average), hosts <c>srv-&lt;customer&gt;-&lt;function&gt;N</c> for
/// <see cref="Customers"/> customers (some with the visible name as a domain name), a share of non-server
/// hosts (switches, proxies, bare addresses), common trigger names, 2–4 tags per event, some of
/// them a customer tag, and a second Zabbix server.
/// </summary>
internal static class RuleBenchEvents
{
    public const int Customers = 120;

    /// <summary>Events in the mix: enough that the branch predictor cannot learn the sequence.</summary>
    public const int DefaultCount = 4_096;

    private const int Seed = 20261126;

    private static readonly string[] NamedCustomers = ["nc", "acme", "globex", "initech", "umbrella", "hooli", "stark", "wayne", "wonka", "tyrell"];
    private static readonly string[] Functions = ["web", "db", "app", "cache", "mq", "lb", "backup"];
    private static readonly string[] OtherHosts = ["core-sw-02", "fw-edge-1", "zabbix-proxy-sh1", "10.0.4.17", "ups-rack-b3", "esx-07.lab"];
    private static readonly string[] Scopes = ["availability", "performance", "capacity", "security"];

    private static readonly string[] EventNames =
    [
        "High CPU utilization (over 90% for 5m)",
        "Free disk space is less than 10% on volume /var",
        "Zabbix agent is not available (for 3m)",
        "MySQL: Replication lag is too high (over 30s)",
        "HTTP check failed on https://{0}/health",
        "Memory usage is high (over 95% for 5m)",
        "Interface eth0: Link down",
        "Backup job failed on {0}",
        "{0} has been restarted (uptime < 10m)",
        "Load average is too high (per CPU load over 1.5 for 5m)",
    ];

    /// <summary>Zabbix severities 0–5, weighted as a feed usually is: mostly warnings and averages.</summary>
    private static readonly int[] SeverityWeights = [5, 15, 35, 25, 15, 5];

    /// <summary>The code of customer <paramref name="index"/>: ten named ones, then <c>c011</c>, <c>c012</c>, ….</summary>
    public static string CustomerCode(int index) =>
        index < NamedCustomers.Length ? NamedCustomers[index] : "c" + (index + 1).ToString("000", CultureInfo.InvariantCulture);

    public static ZabbixEvent[] Create(int count = DefaultCount)
    {
        var random = new Random(Seed);
        var start = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
        var events = new ZabbixEvent[count];
        for (var i = 0; i < count; i++)
        {
            var serverHost = random.Next(100) >= 8;
            var customer = CustomerCode(random.Next(Customers));
            var function = Functions[random.Next(Functions.Length)];
            var host = serverHost ? $"srv-{customer}-{function}{1 + random.Next(4)}" : OtherHosts[random.Next(OtherHosts.Length)];
            var tags = new List<EventTag>
            {
                new("scope", Scopes[random.Next(Scopes.Length)]),
                new("service", serverHost ? function : "network"),
            };
            if (random.Next(3) > 0)
            {
                tags.Add(new EventTag("env", random.Next(5) == 0 ? "staging" : "prod"));
            }

            if (random.Next(100) < 15)
            {
                // Customer tags as people type them in Zabbix: any case, stray spaces.
                tags.Add(new EventTag("Customer", random.Next(2) == 0 ? customer.ToUpperInvariant() : $" {customer} "));
            }

            events[i] = new ZabbixEvent
            {
                Server = random.Next(10) == 0 ? "dr" : "main",
                EventId = (100_000 + i).ToString(CultureInfo.InvariantCulture),
                Kind = EventKind.Problem,
                Severity = Severity(random),
                EventName = string.Format(CultureInfo.InvariantCulture, EventNames[random.Next(EventNames.Length)], host),
                TriggerId = (20_000 + random.Next(5_000)).ToString(CultureInfo.InvariantCulture),
                Host = host,
                HostName = serverHost && random.Next(4) == 0 ? $"{host}.example.com" : host,
                HostGroups = serverHost ? [$"Customers/{customer}", "Linux servers"] : ["Network"],
                Tags = tags,
                ProblemAt = start.AddMinutes(random.Next(7 * 24 * 60)),
            };
        }

        return events;
    }

    private static int Severity(Random random)
    {
        var pick = random.Next(SeverityWeights.Sum());
        for (var severity = 0; severity < SeverityWeights.Length; severity++)
        {
            pick -= SeverityWeights[severity];
            if (pick < 0)
            {
                return severity;
            }
        }

        return SeverityWeights.Length - 1;
    }
}
