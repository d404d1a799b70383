using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>The service agreement's fixed map: level from severity, customer from tag or host name, key from trigger.</summary>
public sealed class DefaultClassifierTests
{
    // rule, Zabbix severity, level
    public static TheoryData<string, int, SupportLevel> Levels => new()
    {
        { "not classified → L4", 0, SupportLevel.L4 },
        { "information → L4", 1, SupportLevel.L4 },
        { "warning → L4", 2, SupportLevel.L4 },
        { "average → L3", 3, SupportLevel.L3 },
        { "high → L2", 4, SupportLevel.L2 },
        { "disaster → L1", 5, SupportLevel.L1 },
    };

    // rule, host name, customer
    public static TheoryData<string, string?, string?> HostNames => new()
    {
        { "customer and function", "srv-nc-web1", "nc" },
        { "customer in upper case is lowered", "srv-NC-web1", "nc" },
        { "function with dashes", "srv-acme-db-01", "acme" },
        { "function with dots", "srv-acme-web1.example.com", "acme" },
        { "digits in customer", "srv-c42-app", "c42" },
        { "not a server name", "not-a-server", null },
        { "no customer, no function", "srv--", null },
        { "no customer", "srv--web1", null },
        { "no function", "srv-nc", null },
        { "empty function", "srv-nc-", null },
        { "prefix not at the start", "xsrv-nc-web1", null },
        { "leading space", " srv-nc-web1", null },
        { "underscore in customer", "srv-n_c-web1", null },
        { "empty", "", null },
        { "null", null, null },
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void LevelFor_Severity_DefaultMap(string rule, int severity, SupportLevel expected)
    {
        Assert.True(expected == DefaultClassifier.LevelFor(severity), rule);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(6)]
    [InlineData(int.MaxValue)]
    public void LevelFor_SeverityOutOfRange_Throws(int severity)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DefaultClassifier.LevelFor(severity));

        Assert.Equal("severity", ex.ParamName);
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public void CustomerFromHostName_HostName_CustomerCodeOrNull(string rule, string? host, string? expected)
    {
        Assert.True(expected == DefaultClassifier.CustomerFromHostName(host), rule);
    }

    [Fact]
    public void Classify_SeverityAndHost_LevelCustomerTeamAndKey()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", severity: 5));

        Assert.Equal(SupportLevel.L1, c.Level);
        Assert.Equal("nc", c.Customer);
        Assert.Equal(DefaultClassifier.DefaultTeam, c.Team);
        Assert.Equal("ops", c.Team);
        Assert.Equal("main:trigger:23137", c.CorrelationKey);
    }

    [Fact]
    public void Classify_CustomerTag_WinsOverHostName()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", tags: new EventTag("customer", "acme")));

        Assert.Equal("acme", c.Customer);
        Assert.Contains("customer tag", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_CustomerTagInOtherCaseWithSpaces_TrimmedAndLowered()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", tags: new EventTag("Customer", " ACME ")));

        Assert.Equal("acme", c.Customer);
    }

    [Fact]
    public void Classify_BlankCustomerTag_FallsBackToHostName()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", tags: new EventTag("customer", "  ")));

        Assert.Equal("nc", c.Customer);
        Assert.Contains("host name", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_TechnicalNameNotAServerButVisibleNameIs_CustomerFromVisibleName()
    {
        var e = ZabbixEvents.Problem(host: "10.0.4.17") with { HostName = "srv-nc-db1" };

        Assert.Equal("nc", DefaultClassifier.Classify(e).Customer);
    }

    [Fact]
    public void Classify_TechnicalAndVisibleNamesBothServers_TechnicalNameWins()
    {
        var e = ZabbixEvents.Problem(host: "srv-nc-db1") with { HostName = "srv-acme-db1" };

        Assert.Equal("nc", DefaultClassifier.Classify(e).Customer);
    }

    [Fact]
    public void Classify_NoTagAndNoServerName_NoCustomerAndReasonSaysWhy()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "zabbix-media-test"));

        Assert.Null(c.Customer);
        Assert.Contains("customer unknown", c.Reason, StringComparison.Ordinal);
        Assert.Contains("host name not srv-<customer>-<function>", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_Reason_NamesSeverityLevelAndWhereTheCustomerCameFrom()
    {
        var c = DefaultClassifier.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", severity: 3));

        Assert.Contains("severity 3", c.Reason, StringComparison.Ordinal);
        Assert.Contains("L3", c.Reason, StringComparison.Ordinal);
        Assert.Contains("customer nc (host name)", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CorrelationKeyFor_SameTriggerOnTwoServers_DifferentKeys()
    {
        var main = DefaultClassifier.CorrelationKeyFor(ZabbixEvents.Problem());
        var other = DefaultClassifier.CorrelationKeyFor(ZabbixEvents.Problem() with { Server = "zbx-eu" });

        Assert.NotEqual(main, other);
        Assert.Equal("zbx-eu:trigger:23137", other);
    }

    [Fact]
    public void CorrelationKeyFor_OtherEventOfTheSameTrigger_SameKey()
    {
        var first = ZabbixEvents.Problem();
        var again = first with { EventId = "97", Severity = 5, ProblemAt = first.ProblemAt.AddHours(1), EventName = "renamed" };

        Assert.Equal(DefaultClassifier.CorrelationKeyFor(first), DefaultClassifier.CorrelationKeyFor(again));
    }

    [Fact]
    public void CorrelationKeyFor_OtherTriggerOnTheSameServer_DifferentKey()
    {
        var first = ZabbixEvents.Problem();

        Assert.NotEqual(DefaultClassifier.CorrelationKeyFor(first), DefaultClassifier.CorrelationKeyFor(first with { TriggerId = "23138" }));
    }

    [Fact]
    public void Classify_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => DefaultClassifier.Classify(null!));
    }
}
