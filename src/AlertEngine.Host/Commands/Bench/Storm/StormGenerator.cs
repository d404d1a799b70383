using System.Globalization;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// Makes the storm of issue #5, deterministic for a seed: a core switch in front of many customers'
/// hosts fails, and every host behind it raises a few triggers at once. Keys (server, trigger) are
/// spread round-robin over the hosts; each has ONE problem event, then maybe an acknowledgement,
/// comments and a recovery. Some problems arrive late (after their updates or recovery) and about
/// one delivery in twenty is a redelivery. One problem per key keeps the expected tickets free of
/// flapping and PROBLEM-ticket rules: every key must end as exactly one ALERT ticket.
/// </summary>
internal static class StormGenerator
{
    /// <summary>Share of the deliveries that repeat an earlier one byte for byte.</summary>
    public const double RedeliveryShare = 0.05;

    /// <summary>Share of keys an engineer acknowledges in Zabbix.</summary>
    public const double AcknowledgeShare = 0.45;

    /// <summary>Share of keys whose trigger recovers during the storm.</summary>
    public const double RecoveryShare = 0.6;

    /// <summary>Share of keys (with an update or recovery) whose problem arrives after them.</summary>
    public const double LateProblemShare = 0.05;

    /// <summary>Hosts per customer: 5,000 hosts belong to 100 customers.</summary>
    public const int HostsPerCustomer = 50;

    /// <summary>The waves, in order: problems, updates, recoveries, late problems; a redelivery goes one wave after its original.</summary>
    public const int ProblemWave = 0;
    public const int UpdateWave = 1;
    public const int RecoveryWave = 2;
    public const int LateProblemWave = 3;
    public const int WaveCount = 5;

    /// <summary>The device every host is behind; named in the host groups and tags.</summary>
    public const string FailedDevice = "sw-core-fra1-01";

    private static readonly string[] Functions = ["web", "db", "app", "cache", "mq", "lb", "api", "file", "mail", "backup"];

    private static readonly string[] Users = ["Alice Chen (achen)", "Bo Wang (bwang)", "Carla Diaz (cdiaz)", "Dev Patel (dpatel)", "Erin Li (eli)"];

    /// <summary>What a host behind a dead switch raises, most likely first; severity 2 to 5 so that the runner reorders by severity.</summary>
    private static readonly (string Name, int Severity)[] Templates =
    [
        ("Unavailable by ICMP ping", 4),
        ("Zabbix agent is not available (for 3m)", 3),
        ("High ICMP ping loss", 2),
        ("Interface eth0: Link down", 3),
        ("High ICMP ping response time", 2),
        ("Service is down: application health check", 4),
        ("Customer site unreachable: every check failing", 5),
        ("Backup target not reachable", 2),
    ];

    /// <summary>
    /// A storm of exactly <paramref name="events"/> deliveries over at most <paramref name="hosts"/>
    /// hosts, in sending order (wave by wave, shuffled within a wave). <paramref name="start"/> sets
    /// the event clocks (the problems started in the quarter hour before it).
    /// </summary>
    public static StormPlan Generate(long events, int hosts, int seed, DateTimeOffset start)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(events, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(hosts, 1);
        var random = new Random(seed);
        var redeliveries = (long)(events * RedeliveryShare);
        var distinct = events - redeliveries;
        var customers = Math.Max(1, hosts / HostsPerCustomer);
        var firstClock = start.ToUnixTimeSeconds() - 900;

        var triggers = new List<StormTrigger>();
        long planned = 0;
        while (planned < distinct)
        {
            var trigger = NextTrigger(random, triggers.Count, hosts, customers, firstClock, distinct - planned);
            triggers.Add(trigger);
            planned += trigger.Deliveries;
        }

        var deliveries = new List<StormDelivery>((int)events);
        foreach (var t in triggers)
        {
            deliveries.Add(new(t.Index, StormDeliveryKind.Problem, 0, t.LateProblem ? LateProblemWave : ProblemWave, false));
            if (t.AcknowledgedBy is not null)
            {
                deliveries.Add(new(t.Index, StormDeliveryKind.Acknowledge, 0, UpdateWave, false));
            }

            for (var n = 0; n < t.Comments; n++)
            {
                deliveries.Add(new(t.Index, StormDeliveryKind.Comment, n, UpdateWave, false));
            }

            if (t.Recovers)
            {
                deliveries.Add(new(t.Index, StormDeliveryKind.Recovery, 0, RecoveryWave, false));
            }
        }

        // A redelivery goes one wave after its original, so the original has been answered: it must be a 200.
        var originals = deliveries.Count;
        for (long i = 0; i < redeliveries; i++)
        {
            var original = deliveries[random.Next(originals)];
            deliveries.Add(original with { Wave = original.Wave + 1, Redelivery = true });
        }

        return new StormPlan(seed, hosts, start, triggers, Order(deliveries, random));
    }

    /// <summary>The host of a key: keys go round-robin over the hosts, so every host gets one before any gets two.</summary>
    public static (string Host, string Customer) HostOf(int hostIndex, int customers)
    {
        var customer = "cust" + (hostIndex % customers).ToString("D3", CultureInfo.InvariantCulture);
        var rest = hostIndex / customers;
        var function = Functions[rest % Functions.Length];
        var number = (rest / Functions.Length) + 1;
        return ($"srv-{customer}-{function}{number.ToString(CultureInfo.InvariantCulture)}", customer);
    }

    private static StormTrigger NextTrigger(Random random, int index, int hosts, int customers, long firstClock, long budget)
    {
        // Draw everything first so that the budget (the storm's last key) never shifts the random sequence of a key.
        var acknowledges = random.NextDouble() < AcknowledgeShare;
        var user = Users[random.Next(Users.Length)];
        var comments = random.NextDouble() switch { < 0.55 => 0, < 0.85 => 1, _ => 2 };
        var recovers = random.NextDouble() < RecoveryShare;
        var late = random.NextDouble() < LateProblemShare;
        var clockOffset = random.Next(600);

        // The storm's last key gets only what is left of the budget: the problem first, then the acknowledgement, the recovery, comments.
        var left = budget - 1;
        acknowledges = acknowledges && left-- > 0;
        recovers = recovers && left-- > 0;
        comments = (int)Math.Clamp(left, 0, comments);
        late &= acknowledges || recovers || comments > 0;

        var (host, customer) = HostOf(index % hosts, customers);
        var slot = index / hosts;
        var (name, severity) = Templates[slot % Templates.Length];
        var instance = slot >= Templates.Length ? $" #{(slot / Templates.Length) + 1}" : "";
        return new StormTrigger(
            index,
            host,
            customer,
            (300_000 + index).ToString(CultureInfo.InvariantCulture),
            $"{name}{instance} on {host}",
            severity,
            (1_000_000_000L + (2L * index)).ToString(CultureInfo.InvariantCulture),
            firstClock + clockOffset,
            acknowledges ? user : null,
            comments,
            recovers,
            late);
    }

    /// <summary>Wave by wave; within a wave, shuffled (the hosts' events interleave as Zabbix sends them).</summary>
    private static List<StormDelivery> Order(List<StormDelivery> deliveries, Random random)
    {
        var ordered = new List<StormDelivery>(deliveries.Count);
        for (var wave = 0; wave < WaveCount; wave++)
        {
            var start = ordered.Count;
            ordered.AddRange(deliveries.Where(d => d.Wave == wave));
            for (var i = ordered.Count - 1; i > start; i--)
            {
                var j = start + random.Next(i - start + 1);
                (ordered[i], ordered[j]) = (ordered[j], ordered[i]);
            }
        }

        return ordered;
    }
}
