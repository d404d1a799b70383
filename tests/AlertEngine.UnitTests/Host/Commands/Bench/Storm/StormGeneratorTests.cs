using System.Text.RegularExpressions;
using AlertEngine.Host.Commands.Bench.Storm;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Storm;

/// <summary>The storm generator: deterministic for a seed, exactly as long as asked, one problem per key, and expectations that fit its deliveries.</summary>
public sealed class StormGeneratorTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Generate_SameSeed_SameStorm()
    {
        var first = StormGenerator.Generate(5_000, 250, seed: 7, Start);
        var second = StormGenerator.Generate(5_000, 250, seed: 7, Start);

        Assert.Equal(first.Triggers, second.Triggers);
        Assert.Equal(first.Deliveries, second.Deliveries);
        var (expected, again) = (first.Expected(), second.Expected());
        Assert.Equal(expected.AcknowledgedBy, again.AcknowledgedBy);
        Assert.Equal(expected with { AcknowledgedBy = again.AcknowledgedBy }, again);
    }

    [Fact]
    public void Generate_OtherSeed_OtherStorm()
    {
        var first = StormGenerator.Generate(5_000, 250, seed: 7, Start);
        var other = StormGenerator.Generate(5_000, 250, seed: 8, Start);

        Assert.NotEqual(first.Deliveries, other.Deliveries);
    }

    // rule: the storm is exactly --events long, whatever the sizes (the last key gets what is left)
    public static TheoryData<string, long, int> Sizes => new()
    {
        { "one event", 1, 1 },
        { "two events", 2, 1 },
        { "fewer events than hosts", 100, 5_000 },
        { "the --quick storm", 5_000, 250 },
        { "the issue's storm", 100_000, 5_000 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Generate_AnySize_ExactlyTheEventsAskedFor(string name, long events, int hosts)
    {
        var plan = StormGenerator.Generate(events, hosts, seed: 5, Start);

        Assert.True(plan.Events == events, name);
        Assert.True(plan.HostsUsed <= hosts, name);
        Assert.Equal(plan.Triggers.Sum(t => t.Deliveries), plan.Deliveries.Count(d => !d.Redelivery));
    }

    [Fact]
    public void Generate_EveryKey_OneProblemEventAndItsOwnIds()
    {
        var plan = StormGenerator.Generate(20_000, 1_000, seed: 5, Start);

        var problems = plan.Deliveries.Where(d => d.Kind == StormDeliveryKind.Problem && !d.Redelivery).GroupBy(d => d.Trigger).ToList();
        Assert.Equal(plan.Triggers.Count, problems.Count);
        Assert.All(problems, g => Assert.Single(g));
        Assert.Equal(plan.Triggers.Count, plan.Triggers.Select(t => t.TriggerId).Distinct().Count());
        Assert.Equal(plan.Triggers.Count, plan.Triggers.Select(t => t.ProblemEventId).Concat(plan.Triggers.Select(t => t.RecoveryEventId)).Distinct().Count() / 2);
        Assert.Equal(1_000, plan.HostsUsed);
    }

    [Fact]
    public void Generate_Hosts_NamedAsTheCustomerRuleReadsThem()
    {
        // The customer rule in rules/10-customers.yaml: srv-<customer>-<function>.
        var rule = new Regex("^(?i:srv)-(?<customer>[A-Za-z0-9]+)-[A-Za-z0-9][A-Za-z0-9._-]*$");
        var hosts = Enumerable.Range(0, 5_000).Select(h => StormGenerator.HostOf(h, 100)).ToList();

        Assert.Equal(5_000, hosts.Select(h => h.Host).Distinct().Count());
        Assert.All(hosts, h => Assert.Equal(h.Customer, rule.Match(h.Host).Groups["customer"].Value));
        Assert.Equal(100, hosts.Select(h => h.Customer).Distinct().Count());
    }

    [Fact]
    public void Generate_Redeliveries_RepeatAnOriginalOneWaveLater()
    {
        var plan = StormGenerator.Generate(10_000, 500, seed: 5, Start);
        var originals = plan.Deliveries.Where(d => !d.Redelivery).ToHashSet();

        var redeliveries = plan.Deliveries.Where(d => d.Redelivery).ToList();

        Assert.Equal((long)(10_000 * StormGenerator.RedeliveryShare), redeliveries.Count);
        Assert.All(redeliveries, r => Assert.Contains(r with { Wave = r.Wave - 1, Redelivery = false }, originals));
        Assert.Equal(plan.Deliveries.OrderBy(d => d.Wave).Select(d => d.Wave), plan.Deliveries.Select(d => d.Wave));
    }

    [Fact]
    public void Generate_LateProblems_SentAfterTheirUpdatesAndRecovery()
    {
        var plan = StormGenerator.Generate(20_000, 1_000, seed: 5, Start);
        var sent = plan.Deliveries.Select((d, i) => (d, i)).Where(x => !x.d.Redelivery).ToLookup(x => x.d.Trigger);

        var late = plan.Triggers.Where(t => t.LateProblem).ToList();

        Assert.NotEmpty(late);
        Assert.Contains(late, t => t.Recovers);
        Assert.Contains(late, t => t.AcknowledgedBy is not null || t.Comments > 0);
        foreach (var t in plan.Triggers)
        {
            var problem = sent[t.Index].Single(x => x.d.Kind == StormDeliveryKind.Problem).i;
            var followUps = sent[t.Index].Where(x => x.d.Kind != StormDeliveryKind.Problem).Select(x => x.i).ToList();
            Assert.True(followUps.Count > 0 || !t.LateProblem, $"key #{t.Index} is late without a follow-up");
            Assert.All(followUps, f => Assert.True(t.LateProblem ? f < problem : f > problem, $"key #{t.Index}: follow-up at {f}, problem at {problem}"));
        }
    }

    [Fact]
    public void Expected_FoldedFromTheDeliveries_SameCountsAsTheGenerator()
    {
        var plan = StormGenerator.Generate(20_000, 1_000, seed: 11, Start);

        // An independent model of the engine's rules, applied in sending order: a ticket per key
        // opened by whatever arrives first; the first acknowledgement names the user and moves an
        // open ticket to acknowledged; a recovery resolves it; a problem on a ticket changes nothing.
        var state = new Dictionary<int, string>();
        var by = new Dictionary<int, string>();
        foreach (var d in plan.Deliveries)
        {
            var current = state.GetValueOrDefault(d.Trigger, "open");
            var t = plan.Triggers[d.Trigger];
            state[d.Trigger] = d.Kind switch
            {
                StormDeliveryKind.Acknowledge => current == "open" ? "acknowledged" : current,
                StormDeliveryKind.Recovery => "resolved",
                _ => current,
            };
            if (d.Kind == StormDeliveryKind.Acknowledge)
            {
                by.TryAdd(d.Trigger, t.AcknowledgedBy!);
            }
        }

        var expected = plan.Expected();
        Assert.Equal(plan.Triggers.Count, expected.AlertTickets);
        Assert.Equal(state.Count(s => s.Value == "open"), expected.Open);
        Assert.Equal(state.Count(s => s.Value == "acknowledged"), expected.Acknowledged);
        Assert.Equal(state.Count(s => s.Value == "resolved"), expected.Resolved);
        Assert.Equal(by.Values.GroupBy(u => u).ToDictionary(g => g.Key, g => (long)g.Count()).OrderBy(p => p.Key), expected.AcknowledgedBy.OrderBy(p => p.Key));
        Assert.Equal(plan.Deliveries.Where(d => !d.Redelivery).Distinct().Count(), expected.InboxRows);
        Assert.Equal(plan.Events - expected.InboxRows, expected.Redeliveries);
        Assert.Equal(expected.AlertTickets, expected.Open + expected.Acknowledged + expected.Resolved);
    }

    [Fact]
    public void Expected_HandMadeKeys_CountsOutOfOrderAndDuplicates()
    {
        StormTrigger Key(int index, string? ackBy, int comments, bool recovers, bool late) =>
            new(index, "srv-cust000-web1", "cust000", $"{300_000 + index}", "Unavailable by ICMP ping on srv-cust000-web1", 4, $"{1_000_000_000 + (2 * index)}", 1_795_000_000, ackBy, comments, recovers, late);
        StormTrigger[] keys =
        [
            Key(0, null, 0, recovers: false, late: false),       // open
            Key(1, "Bo Wang (bwang)", 1, recovers: false, late: true), // acknowledged; ack and comment before the problem
            Key(2, "Bo Wang (bwang)", 0, recovers: true, late: true),  // resolved; recovery (and ack) before the problem
            Key(3, null, 2, recovers: true, late: false),        // resolved
        ];
        StormDelivery[] deliveries =
        [
            new(0, StormDeliveryKind.Problem, 0, 0, false),
            new(3, StormDeliveryKind.Problem, 0, 0, false),
            new(1, StormDeliveryKind.Acknowledge, 0, 1, false),
            new(1, StormDeliveryKind.Comment, 0, 1, false),
            new(2, StormDeliveryKind.Acknowledge, 0, 1, false),
            new(3, StormDeliveryKind.Comment, 0, 1, false),
            new(3, StormDeliveryKind.Comment, 1, 1, false),
            new(0, StormDeliveryKind.Problem, 0, 1, true),
            new(2, StormDeliveryKind.Recovery, 0, 2, false),
            new(3, StormDeliveryKind.Recovery, 0, 2, false),
            new(1, StormDeliveryKind.Problem, 0, 3, false),
            new(2, StormDeliveryKind.Problem, 0, 3, false),
            new(2, StormDeliveryKind.Problem, 0, 4, true),
        ];

        var expected = StormExpectation.For(keys, deliveries);

        Assert.Equal(new StormExpectation(4, 1, 1, 2, expected.AcknowledgedBy, Problems: 4, Updates: 5, Recoveries: 2, Redeliveries: 2, LateProblems: 2, UpdateBeforeProblem: 2, RecoveryBeforeProblem: 1), expected);
        Assert.Equal(2, expected.AcknowledgedBy["Bo Wang (bwang)"]);
        Assert.Single(expected.AcknowledgedBy);
        Assert.Equal(11, expected.InboxRows);
        Assert.Equal(keys.Sum(k => k.Deliveries), expected.InboxRows);
    }
}
