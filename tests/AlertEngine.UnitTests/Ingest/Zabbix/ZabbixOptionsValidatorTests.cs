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

    // rule, change to a good API section, text the single failure must contain
    public static TheoryData<string, Action<ZabbixApiOptions>, string> ApiSingleFailures => new()
    {
        { "URL without scheme", a => a.Url = "zabbix.example.com/api_jsonrpc.php", "Zabbix:Servers:main:Api:Url must be an absolute http(s) URL" },
        { "URL with ftp scheme", a => a.Url = "ftp://zabbix.example.com/api_jsonrpc.php", "Zabbix:Servers:main:Api:Url must be an absolute http(s) URL" },
        { "no token, no user", a => a.Token = null, "Zabbix:Servers:main:Api needs either Token or User and Password" },
        { "user without password", a => (a.Token, a.User) = (null, "alertengine"), "Zabbix:Servers:main:Api needs either Token or User and Password" },
        { "token placeholder", a => a.Token = "CHANGE-ME-set-AlertEngine__Zabbix__Servers__main__Api__Token", "Zabbix:Servers:main:Api:Token is still the example placeholder" },
        { "password placeholder", a => (a.Token, a.User, a.Password) = (null, "alertengine", "change-me"), "Zabbix:Servers:main:Api:Password is still the example placeholder" },
        { "timeout of zero", a => a.Timeout = TimeSpan.Zero, "Zabbix:Servers:main:Api:Timeout must be between" },
        { "timeout above 5 minutes", a => a.Timeout = TimeSpan.FromMinutes(6), "Zabbix:Servers:main:Api:Timeout must be between" },
        { "negative read retries", a => a.ReadRetries = -1, "Zabbix:Servers:main:Api:ReadRetries must be between 0 and 10" },
        { "11 read retries", a => a.ReadRetries = 11, "Zabbix:Servers:main:Api:ReadRetries must be between 0 and 10" },
        { "retry delay of zero", a => a.RetryDelay = TimeSpan.Zero, "Zabbix:Servers:main:Api:RetryDelay must be between" },
        { "break below Polly's half second", a => a.BreakDuration = TimeSpan.FromMilliseconds(499), "Zabbix:Servers:main:Api:BreakDuration must be between" },
        { "poll every 4 seconds", a => a.PollInterval = TimeSpan.FromSeconds(4), "Zabbix:Servers:main:Api:PollInterval must be between" },
        { "catch-up limit of zero", a => a.CatchUpLimit = TimeSpan.Zero, "Zabbix:Servers:main:Api:CatchUpLimit must be positive" },
        { "blind after zero", a => a.BlindAfter = TimeSpan.Zero, "Zabbix:Servers:main:Api:BlindAfter must be positive" },
        { "negative dead-man watch", a => a.DeadManAfter = TimeSpan.FromMinutes(-1), "Zabbix:Servers:main:Api:DeadManAfter must be 00:00:00 (off) or positive" },
        { "token without URL", a => a.Url = "", "Zabbix:Servers:main:Api:Url is required when" },
    };

    // rule, change to a good API section
    public static TheoryData<string, Action<ZabbixApiOptions>> ApiGood => new()
    {
        { "token", _ => { } },
        { "user and password instead of a token", a => (a.Token, a.User, a.Password) = (null, "alertengine", "pa55-word") },
        { "frontend URL without api_jsonrpc.php", a => a.Url = "http://127.0.0.1:8080/" },
        { "no retries", a => a.ReadRetries = 0 },
        { "ten retries", a => a.ReadRetries = 10 },
        { "poll every 5 seconds", a => a.PollInterval = TimeSpan.FromSeconds(5) },
        { "dead-man watch off", a => a.DeadManAfter = TimeSpan.Zero },
        { "API off: no URL, no credentials", a => (a.Url, a.Token) = (null, null) },
    };

    [Theory]
    [MemberData(nameof(ApiGood))]
    public void Validate_GoodApiSection_Succeeds(string rule, Action<ZabbixApiOptions> change)
    {
        var result = ValidateApi(change);

        Assert.True(result.Succeeded, $"{rule}: {result.FailureMessage}");
    }

    [Theory]
    [MemberData(nameof(ApiSingleFailures))]
    public void Validate_OneApiThingWrong_OneFailureNamingTheKey(string rule, Action<ZabbixApiOptions> change, string expected)
    {
        var result = ValidateApi(change);

        Assert.True(result.Failed, rule);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SeveralApiThingsWrong_ReportsEveryFailureWithoutSecrets()
    {
        var result = ValidateApi(a => (a.Url, a.Token, a.User, a.Password, a.PollInterval, a.ReadRetries) = ("not a url", null, "alertengine", "", TimeSpan.FromSeconds(1), 99));

        Assert.Equal(4, result.Failures!.Count());
        Assert.All(result.Failures!, f => Assert.StartsWith("Zabbix:Servers:main:Api", f, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlaceholderPassword_MessageDoesNotShowIt()
    {
        var result = ValidateApi(a => (a.Token, a.User, a.Password) = (null, "alertengine", "CHANGE-ME-s3cr3t"));

        Assert.DoesNotContain("s3cr3t", result.FailureMessage, StringComparison.Ordinal);
    }

    private static ValidateOptionsResult ValidateApi(Action<ZabbixApiOptions> change)
    {
        var api = new ZabbixApiOptions { Url = "https://zabbix.example.com/api_jsonrpc.php", Token = "0123456789abcdef0123456789abcdef" };
        change(api);
        var options = new ZabbixOptions();
        options.Servers["main"] = new ZabbixServerOptions { WebhookSecret = GoodSecret, Api = api };
        return new ZabbixOptionsValidator().Validate(null, options);
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
