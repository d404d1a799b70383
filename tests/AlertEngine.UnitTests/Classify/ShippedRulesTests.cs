using AlertEngine.Classify;
using AlertEngine.Ingest;
using AlertEngine.Tickets;
using AlertEngine.UnitTests.Ingest;

namespace AlertEngine.UnitTests.Classify;

/// <summary>
/// The repository's rules/ folder as data: it loads, it is what the engine has built in, and it
/// says what the service agreement says (levels, paging, customers, recurrence).
/// </summary>
public sealed class ShippedRulesTests
{
    private static readonly RuleSet Shipped = LoadShipped();

    // rule, Zabbix severity, level, page
    public static TheoryData<string, int, SupportLevel, PagePolicy> Levels => new()
    {
        { "not classified → L4, business hours", 0, SupportLevel.L4, PagePolicy.BusinessHours },
        { "information → L4, business hours", 1, SupportLevel.L4, PagePolicy.BusinessHours },
        { "warning → L4, business hours", 2, SupportLevel.L4, PagePolicy.BusinessHours },
        { "average → L3, business hours", 3, SupportLevel.L3, PagePolicy.BusinessHours },
        { "high → L2, at once", 4, SupportLevel.L2, PagePolicy.Now },
        { "disaster → L1, at once", 5, SupportLevel.L1, PagePolicy.Now },
    };

    // rule, host name, customer
    public static TheoryData<string, string, string?> HostNames => new()
    {
        { "customer and function", "srv-nc-web1", "nc" },
        { "customer in upper case is lowered", "srv-NC-web1", "nc" },
        { "prefix in upper case", "SRV-nc-web1", "nc" },
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
    };

    [Theory]
    [MemberData(nameof(Levels))]
    public void Shipped_Severity_ServiceAgreementLevelAndPaging(string rule, int severity, SupportLevel level, PagePolicy page)
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(severity: severity));

        Assert.True(level == c.Level, rule);
        Assert.True(page == c.Page, rule);
        Assert.Equal(new RecurrencePolicy(3, TimeSpan.FromHours(24)), c.Recurrence);
        Assert.NotNull(c.Rule);
    }

    [Theory]
    [MemberData(nameof(HostNames))]
    public void Shipped_HostName_CustomerCodeOrNone(string rule, string host, string? customer)
    {
        Assert.True(customer == Shipped.Classify(ZabbixEvents.Problem(host: host)).Customer, rule);
    }

    [Fact]
    public void Shipped_ServerEvent_TeamOpsAndKeyFromServerAndTrigger()
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", severity: 5));

        Assert.Equal("ops", c.Team);
        Assert.Equal("main:trigger:23137", c.CorrelationKey);
        Assert.False(c.Ignore);
        Assert.False(c.Suppressed);
    }

    [Fact]
    public void Shipped_CustomerTag_WinsOverHostNameTrimmedAndLowered()
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", tags: new EventTag("Customer", " ACME ")));

        Assert.Equal("acme", c.Customer);
        Assert.Contains("customer acme by rule 'customer-from-tag'", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_BlankCustomerTag_FallsBackToHostName()
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(host: "srv-nc-web1", tags: new EventTag("customer", "  ")));

        Assert.Equal("nc", c.Customer);
        Assert.Contains("rule 'customer-from-host-name'", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_TechnicalNameNotAServerButVisibleNameIs_CustomerFromVisibleName()
    {
        var e = ZabbixEvents.Problem(host: "10.0.4.17") with { HostName = "srv-nc-db1" };

        Assert.Equal("nc", Shipped.Classify(e).Customer);
    }

    [Fact]
    public void Shipped_TechnicalAndVisibleNamesBothServers_TechnicalNameWins()
    {
        var e = ZabbixEvents.Problem(host: "srv-nc-db1") with { HostName = "srv-acme-db1" };

        Assert.Equal("nc", Shipped.Classify(e).Customer);
    }

    [Fact]
    public void Shipped_NoTagAndNoServerName_CustomerUnknown()
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(host: "zabbix-media-test"));

        Assert.Null(c.Customer);
        Assert.Contains("customer unknown", c.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Shipped_SuppressedInZabbix_SuppressedButStillLevelled()
    {
        var c = Shipped.Classify(ZabbixEvents.Problem(severity: 5) with { Suppressed = true });

        Assert.True(c.Suppressed);
        Assert.Equal(SupportLevel.L1, c.Level);
        Assert.Contains("Zabbix maintenance", c.SuppressedBy, StringComparison.Ordinal);
    }

    [Fact]
    public void Embedded_SameFilesAsTheRulesFolder()
    {
        var folder = RulesFolder();
        var onDisk = RuleSetLoader.ReadFolder(folder, out _).Select(s => s.Text).ToList();
        var embedded = RuleSetLoader.EmbeddedDefaults();

        Assert.Contains(embedded, s => s.Name == "(built-in) rules/holidays/2026.yaml");
        Assert.Equal(onDisk, embedded.Select(s => s.Text).ToList());
        Assert.True(RuleSetLoader.Load(embedded).Succeeded);
    }

    [Fact]
    public void EveryShippedFile_OpensWithAComment()
    {
        foreach (var file in Directory.GetFiles(RulesFolder(), "*.yaml").Concat(Directory.GetFiles(Path.Combine(RulesFolder(), "holidays"), "*.yaml")))
        {
            Assert.StartsWith("# ", File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    private static RuleSet LoadShipped()
    {
        var load = RuleSetLoader.LoadFolder(RulesFolder());
        Assert.True(load.Succeeded, string.Join("; ", load.Errors));
        return load.Rules!;
    }

    internal static string RulesFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "AlertEngine.sln")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("AlertEngine.sln not found above the test folder"), "rules");
    }
}
