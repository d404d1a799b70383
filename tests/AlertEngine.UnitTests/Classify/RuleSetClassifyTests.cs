using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>Events × rules → outcome: each matcher, first-match-decides, continue, templates, fallbacks.</summary>
public sealed class RuleSetClassifyTests
{
    private const string Rules = """
        teams:
          ops: {}
          dba: {}
          network: { time_zone: UTC }
        rules:
          - name: customer-from-host
            match: { host: { regex: '^srv-(?<customer>[a-z0-9]+)-' } }
            customer: "{match.customer}"
            continue: true
          - name: test-hosts-ignored
            match: { host: "test-*" }
            ignore: true
          - name: backup-jobs
            match:
              tag: [service=backup, { key: job, regex: '^nightly' }]
            level: L3
            correlate_by: "backup:{customer}:{tag.job}"
            recurrence: { count: 2, within: 7d }
            labels: { kind: backup }
          - name: databases-to-dba
            match:
              host_group: ["Databases/*", "DB"]
            team: dba
            labels: { owner: dba, kind: database }
            continue: true
          - name: nc-is-vip
            match: { customer: nc, severity: { at_least: average } }
            level: L1
            page: now
          - name: network-gear
            match: { server: "zbx-net*", event_name: "*link down*" }
            level: L2
            team: network
          - name: disk-space-at-night
            match:
              event_name: { regex: '(?i)disk space' }
              time: { business_hours: false }
            level: L4
            page: never
          - name: weekend-warnings
            match:
              severity: [warning, information]
              time: { weekdays: [sat, sun], from: "22:00", to: "06:00" }
            level: L4
            page: business_hours
          - name: severity-map
            match: { severity: { at_least: high } }
            level: L2
            page: now
        """;

    private static readonly RuleSet Set = InlineRules.Load(Rules);

    // Wednesday 2026-11-25 12:00 UTC = 20:00 Beijing: outside business hours.
    private static readonly DateTimeOffset Evening = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    // Wednesday 2026-11-25 03:00 UTC = 11:00 Beijing: business hours.
    private static readonly DateTimeOffset Morning = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public static TheoryData<string, ZabbixEvent, DateTimeOffset, string?, SupportLevel, string?, string, PagePolicy> Cases => new()
    {
        // name, event, at, deciding rule, level, customer, team, page
        { "nothing specific matches: the severity map", Event("srv-acme-web1", 4), Morning, "severity-map", SupportLevel.L2, "acme", "ops", PagePolicy.Now },
        { "no rule at all matches: default map, default team", Event("srv-acme-web1", 3), Morning, null, SupportLevel.L3, "acme", "ops", PagePolicy.Now },
        { "customer matcher sees the customer a continue rule set", Event("srv-nc-web1", 3), Morning, "nc-is-vip", SupportLevel.L1, "nc", "ops", PagePolicy.Now },
        { "customer matcher with severity below at_least", Event("srv-nc-web1", 2), Morning, null, SupportLevel.L4, "nc", "ops", PagePolicy.Now },
        { "host group glob routes to dba and continues", Event("srv-acme-db1", 4) with { HostGroups = ["Databases/MySQL"] }, Morning, "severity-map", SupportLevel.L2, "acme", "dba", PagePolicy.Now },
        { "host group exact from a list", Event("srv-acme-db1", 5) with { HostGroups = ["Linux", "DB"] }, Morning, "severity-map", SupportLevel.L2, "acme", "dba", PagePolicy.Now },
        { "server glob and event name glob", Event("sw-core-1", 3, server: "zbx-net2", name: "Interface eth0: link down"), Morning, "network-gear", SupportLevel.L2, null, "network", PagePolicy.Now },
        { "server matches but event name does not", Event("sw-core-1", 3, server: "zbx-net2", name: "High CPU"), Morning, null, SupportLevel.L3, null, "ops", PagePolicy.Now },
        { "regex with (?i) and outside business hours", Event("srv-acme-web1", 4, name: "Low DISK SPACE on /"), Evening, "disk-space-at-night", SupportLevel.L4, "acme", "ops", PagePolicy.Never },
        { "same event in business hours: not the night rule", Event("srv-acme-web1", 4, name: "Low DISK SPACE on /"), Morning, "severity-map", SupportLevel.L2, "acme", "ops", PagePolicy.Now },
        { "tags: every listed tag must match", Event("srv-acme-bk1", 2, tags: [new("service", "Backup"), new("job", "nightly-db")]), Morning, "backup-jobs", SupportLevel.L3, "acme", "ops", PagePolicy.Now },
        { "tags: one of two missing", Event("srv-acme-bk1", 2, tags: [new("service", "backup")]), Morning, null, SupportLevel.L4, "acme", "ops", PagePolicy.Now },
        { "ignore", Event("test-box", 5), Morning, "test-hosts-ignored", SupportLevel.L1, null, "ops", PagePolicy.Now },
        { "weekend window past midnight: Sunday 01:30 Beijing", Event("srv-acme-web1", 2), new DateTimeOffset(2026, 11, 28, 17, 30, 0, TimeSpan.Zero), "weekend-warnings", SupportLevel.L4, "acme", "ops", PagePolicy.BusinessHours },
        { "weekend window: Monday 01:30 Beijing belongs to Sunday night", Event("srv-acme-web1", 2), new DateTimeOffset(2026, 11, 29, 17, 30, 0, TimeSpan.Zero), "weekend-warnings", SupportLevel.L4, "acme", "ops", PagePolicy.BusinessHours },
        { "weekend window: Friday 23:00 Beijing is not the weekend", Event("srv-acme-web1", 2), new DateTimeOffset(2026, 11, 27, 15, 0, 0, TimeSpan.Zero), null, SupportLevel.L4, "acme", "ops", PagePolicy.Now },
        { "weekend window: Tuesday 01:30 Beijing", Event("srv-acme-web1", 2), new DateTimeOffset(2026, 11, 30, 17, 30, 0, TimeSpan.Zero), null, SupportLevel.L4, "acme", "ops", PagePolicy.Now },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_EventAgainstRules_ExpectedOutcome(string name, ZabbixEvent e, DateTimeOffset at, string? rule, SupportLevel level, string? customer, string team, PagePolicy page)
    {
        var c = Set.Classify(e, at);

        Assert.True(rule == c.Rule, $"{name}: decided by {c.Rule}, expected {rule}. {c.Reason}");
        Assert.True(level == c.Level, $"{name}: level {c.Level}. {c.Reason}");
        Assert.True(customer == c.Customer, $"{name}: customer {c.Customer}");
        Assert.True(team == c.Team, $"{name}: team {c.Team}");
        Assert.True(page == c.Page, $"{name}: page {c.Page}");
    }

    [Fact]
    public void Classify_BackupJob_KeyFromTemplateRecurrenceAndLabels()
    {
        var c = Set.Classify(Event("srv-acme-bk1", 2, tags: [new("service", "backup"), new("job", "nightly-db")]), Morning);

        Assert.Equal("backup:acme:nightly-db", c.CorrelationKey);
        Assert.Equal(new RecurrencePolicy(2, TimeSpan.FromDays(7)), c.Recurrence);
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "backup" }, c.Labels);
    }

    [Fact]
    public void Classify_ContinueRuleThenLaterRule_LabelsAddedNeverOverwritten()
    {
        var set = InlineRules.Load("""
            rules:
              - name: first
                labels: { kind: first, a: "1" }
                level: L3
                continue: true
              - name: second
                labels: { kind: second, b: "2" }
                level: L1
                page: never
            """);

        var c = set.Classify(ZabbixEvents.Problem());

        Assert.Equal(SupportLevel.L3, c.Level);
        Assert.Equal(PagePolicy.Never, c.Page);
        Assert.Equal("second", c.Rule);
        Assert.Equal(new Dictionary<string, string> { ["kind"] = "first", ["a"] = "1", ["b"] = "2" }, c.Labels);
    }

    [Fact]
    public void Classify_Ignore_FlagsTheEvent()
    {
        var c = Set.Classify(Event("test-box", 5), Morning);

        Assert.True(c.Ignore);
        Assert.Contains("ignored by rule 'test-hosts-ignored'", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TeamTimeZone_UsedForTimeWindows()
    {
        // 2026-11-25 20:00 UTC is 04:00 Thursday in Beijing but 20:00 Wednesday in UTC.
        var set = InlineRules.Load("""
            teams:
              ops: {}
              london: { time_zone: Europe/London }
            rules:
              - name: london-team
                team: london
                continue: true
              - name: evening-in-london
                match: { time: { from: "18:00", to: "23:00" } }
                level: L4
            """);

        var c = set.Classify(ZabbixEvents.Problem(), new DateTimeOffset(2026, 11, 25, 20, 0, 0, TimeSpan.Zero));

        Assert.Equal("evening-in-london", c.Rule);
    }

    [Fact]
    public void Classify_DefaultAt_IsTheProblemClock()
    {
        var set = InlineRules.Load("""
            rules:
              - name: business
                match: { time: { business_hours: true } }
                level: L1
            """);
        var e = ZabbixEvents.Problem() with { ProblemAt = Morning };

        Assert.Equal("business", set.Classify(e).Rule);
        Assert.Null(set.Classify(e with { ProblemAt = Evening }).Rule);
    }

    [Fact]
    public void Explain_RuleByRule_WhyNotAndWhatWasSet()
    {
        var x = Set.Explain(Event("srv-nc-web1", 3), Morning);

        Assert.Equal(["customer-from-host", "test-hosts-ignored", "backup-jobs", "databases-to-dba", "nc-is-vip"], x.Rules.Select(r => r.Name));
        Assert.Equal(["customer nc"], x.Rules[0].Set);
        Assert.Equal("host 'srv-nc-web1' does not match glob 'test-*'", x.Rules[1].WhyNot);
        Assert.StartsWith("no tag service=backup", x.Rules[2].WhyNot, StringComparison.Ordinal);
        Assert.Equal("host group is not set, so it cannot match glob 'Databases/*' or glob 'DB'", x.Rules[3].WhyNot);
        Assert.True(x.Rules[4].Matched);
        Assert.Equal(["level L1", "page now"], x.Rules[4].Set);
        Assert.Equal("test.yaml:26", x.Rules[4].Where);
        Assert.Equal(SupportLevel.L1, x.Result.Level);
    }

    private static ZabbixEvent Event(string host, int severity, string server = "main", string? name = null, EventTag[]? tags = null) =>
        ZabbixEvents.Problem(host, severity, tags ?? []) with { Server = server, EventName = name ?? $"Something on {host}" };
}
