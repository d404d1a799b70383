using AlertEngine.Classify;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>Maintenance windows at their edges: start, end, weekly past midnight, time zones.</summary>
public sealed class MaintenanceWindowTests
{
    private static readonly RuleSet Set = InlineRules.Load("""
        rules:
          - name: everything-l2
            level: L2
        maintenance:
          - name: nc-db-patching
            match: { host: "srv-nc-db*" }
            once: { from: "2026-12-01 22:00", to: "2026-12-02 02:00" }
          - name: acme-saturday-night
            match: { host: "srv-acme-*" }
            weekly: { weekdays: [sat], from: "23:00", to: "02:00" }
          - name: london-sunday-morning
            match: { host: "srv-uk-*" }
            weekly: { weekdays: [sun], from: "06:00", to: "08:00" }
            time_zone: Europe/London
        """);

    // name, host, instant (UTC), suppressed by (window name or null)
    public static TheoryData<string, string, DateTimeOffset, string?> Edges => new()
    {
        { "once: one minute before the start (21:59 Beijing)", "srv-nc-db1", Utc(2026, 12, 1, 13, 59), null },
        { "once: at the start (22:00 Beijing)", "srv-nc-db1", Utc(2026, 12, 1, 14, 0), "nc-db-patching" },
        { "once: past midnight inside", "srv-nc-db1", Utc(2026, 12, 1, 17, 30), "nc-db-patching" },
        { "once: one second before the end", "srv-nc-db1", Utc(2026, 12, 1, 17, 59, 59), "nc-db-patching" },
        { "once: at the end (02:00 Beijing) it is over", "srv-nc-db1", Utc(2026, 12, 1, 18, 0), null },
        { "once: other host in the window", "srv-nc-web1", Utc(2026, 12, 1, 15, 0), null },
        { "weekly: Saturday 22:59 Beijing", "srv-acme-web1", Utc(2026, 11, 28, 14, 59), null },
        { "weekly: Saturday 23:00 Beijing", "srv-acme-web1", Utc(2026, 11, 28, 15, 0), "acme-saturday-night" },
        { "weekly: Sunday 01:59 Beijing (past midnight)", "srv-acme-web1", Utc(2026, 11, 28, 17, 59), "acme-saturday-night" },
        { "weekly: Sunday 02:00 Beijing, over", "srv-acme-web1", Utc(2026, 11, 28, 18, 0), null },
        { "weekly: Sunday 23:30 Beijing is not Saturday", "srv-acme-web1", Utc(2026, 11, 29, 15, 30), null },
        { "weekly: Saturday 00:30 Beijing belongs to Friday night, not listed", "srv-acme-web1", Utc(2026, 11, 27, 16, 30), null },
        { "own time zone: Sunday 07:00 London (GMT in winter)", "srv-uk-web1", Utc(2026, 11, 29, 7, 0), "london-sunday-morning" },
        { "own time zone: Sunday 07:00 Beijing is Saturday 23:00 London", "srv-uk-web1", Utc(2026, 11, 28, 23, 0), null },
        { "own time zone: summer time, Sunday 07:00 BST = 06:00 UTC", "srv-uk-web1", Utc(2026, 7, 5, 6, 0), "london-sunday-morning" },
        { "own time zone: summer time, Sunday 08:00 BST = 07:00 UTC, over", "srv-uk-web1", Utc(2026, 7, 5, 7, 0), null },
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Classify_AtTheEdges_SuppressedOnlyInside(string name, string host, DateTimeOffset at, string? window)
    {
        var c = Set.Classify(ZabbixEvents.Problem(host: host), at);

        if (window is null)
        {
            Assert.True(c.SuppressedBy is null, $"{name}: suppressed by {c.SuppressedBy}");
        }
        else
        {
            Assert.True(c.SuppressedBy?.StartsWith($"maintenance window '{window}'", StringComparison.Ordinal) == true, $"{name}: {c.SuppressedBy}");
        }

        Assert.Equal(AlertEngine.Tickets.SupportLevel.L2, c.Level);
    }

    [Fact]
    public void Explain_ClosedWindow_SaysWhen()
    {
        var x = Set.Explain(ZabbixEvents.Problem(host: "srv-nc-db1"), Utc(2026, 12, 3, 0, 0));

        Assert.Equal("not open at that time (once 2026-12-01 22:00–2026-12-02 02:00 Asia/Shanghai)", x.Maintenance[0].WhyNot);
    }

    [Fact]
    public void Classify_ZabbixSuppressedAndNoWindow_SuppressedByZabbix()
    {
        var c = Set.Classify(ZabbixEvents.Problem(host: "srv-x-web1") with { Suppressed = true });

        Assert.StartsWith("Zabbix maintenance", c.SuppressedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WeeklyWithoutTimes_Rejected()
    {
        var errors = InlineRules.Errors("""
            maintenance:
              - name: half
                weekly: { weekdays: [sat] }
            """);

        Assert.Equal("test.yaml:3:13: maintenance weekly needs both from and to (times of day like 09:30)", Assert.Single(errors).ToString());
    }

    [Fact]
    public void Load_BothOnceAndWeekly_Rejected()
    {
        var errors = InlineRules.Errors("""
            maintenance:
              - name: both
                once: { from: "2026-12-01 22:00", to: "2026-12-02 02:00" }
                weekly: { weekdays: [sat], from: "23:00", to: "02:00" }
            """);

        Assert.Equal("test.yaml:2:5: maintenance window needs exactly one of once or weekly", Assert.Single(errors).ToString());
    }

    private static DateTimeOffset Utc(int y, int mo, int d, int h, int mi, int s = 0) => new(y, mo, d, h, mi, s, TimeSpan.Zero);
}
