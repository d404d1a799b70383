using AlertEngine.Ingest.Zabbix;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>Every configured Zabbix server checked, every failure reported at once and naming its key.</summary>
public sealed class ZabbixOptionsValidatorTests
{
    private const string GoodSecret = "k3x9-Qp7v-Zr2m-Wt8b";

    // rule, server name, secret, text the single failure must contain
    public static TheoryData<string, string, string, string> SingleFailures => new()
    {
        { "missing secret", "main", "", "Zabbix:Servers:main:WebhookSecret is required" },
        { "blank secret", "main", "    ", "Zabbix:Servers:main:WebhookSecret is required" },
        { "secret one short of 16", "main", "123456789012345", "Zabbix:Servers:main:WebhookSecret must be at least 16 characters" },
        { "example placeholder", "main", "CHANGE-ME-set-AlertEngine__Zabbix__Servers__main__WebhookSecret", "Zabbix:Servers:main:WebhookSecret is still the example placeholder" },
        { "placeholder in lower case", "main", "please-change-me-before-starting", "Zabbix:Servers:main:WebhookSecret is still the example placeholder" },
        { "name starting with a dash", "-main", GoodSecret, "Zabbix:Servers:-main: the server name" },
        { "name with a space", "zbx main", GoodSecret, "Zabbix:Servers:zbx main: the server name" },
        { "name with a slash", "zbx/main", GoodSecret, "Zabbix:Servers:zbx/main: the server name" },
        { "name of 65 characters", new string('z', 65), GoodSecret, $"Zabbix:Servers:{new string('z', 65)}: the server name" },
    };

    // rule, server name
    public static TheoryData<string, string> GoodNames => new()
    {
        { "one letter", "z" },
        { "letters digits dash underscore dot", "zbx-eu_2.prod" },
        { "starts with a digit", "1st" },
        { "64 characters", new string('z', 64) },
    };

    [Fact]
    public void Validate_TwoServersWithGoodSecrets_Succeeds()
    {
        var result = Validate(("main", GoodSecret), ("zbx-eu", GoodSecret + "-eu"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_NoServers_Succeeds()
    {
        Assert.True(Validate().Succeeded);
    }

    [Fact]
    public void Validate_SecretOfExactly16Characters_Succeeds()
    {
        var result = Validate(("main", "1234567890123456"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [MemberData(nameof(GoodNames))]
    public void Validate_GoodServerName_Succeeds(string rule, string server)
    {
        var result = Validate((server, GoodSecret));

        Assert.True(result.Succeeded, $"{rule}: {result.FailureMessage}");
    }

    [Theory]
    [MemberData(nameof(SingleFailures))]
    public void Validate_OneThingWrong_OneFailureNamingTheKey(string rule, string server, string secret, string expected)
    {
        var result = Validate((server, secret));

        Assert.True(result.Failed, rule);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ServerWithoutSettings_SecretRequired()
    {
        var options = new ZabbixOptions();
        options.Servers["main"] = null!;

        var result = new ZabbixOptionsValidator().Validate(null, options);

        Assert.Contains("Zabbix:Servers:main:WebhookSecret is required", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralServersWrong_ReportsEveryFailure()
    {
        var result = Validate(
            ("main", "short"),
            ("zbx-eu", "CHANGE-ME-CHANGE-ME-CHANGE-ME"),
            ("zbx asia", ""),
            ("zbx-ok", GoodSecret));

        Assert.True(result.Failed);
        Assert.Equal(4, result.Failures!.Count());
        Assert.Contains(result.Failures!, f => f.StartsWith("Zabbix:Servers:main:WebhookSecret must be at least", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Zabbix:Servers:zbx-eu:WebhookSecret is still the example placeholder", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Zabbix:Servers:zbx asia: the server name", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("Zabbix:Servers:zbx asia:WebhookSecret is required", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("zbx-ok", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ShortSecret_MessageDoesNotShowTheSecret()
    {
        var result = Validate(("main", "s3cr3t-value"));

        Assert.True(result.Failed);
        Assert.DoesNotContain("s3cr3t-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingSecret_SaysWhichEnvironmentVariableSetsIt()
    {
        var result = Validate(("zbx-eu", ""));

        Assert.Contains("AlertEngine__Zabbix__Servers__zbx-eu__WebhookSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Validate(params (string Server, string Secret)[] servers)
    {
        var options = new ZabbixOptions();
        foreach (var (server, secret) in servers)
        {
            options.Servers[server] = new ZabbixServerOptions { WebhookSecret = secret };
        }

        return new ZabbixOptionsValidator().Validate(null, options);
    }
}
