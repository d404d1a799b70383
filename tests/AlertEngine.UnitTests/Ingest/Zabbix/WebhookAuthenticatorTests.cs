using AlertEngine.Ingest.Zabbix;
using Microsoft.Extensions.Options;

namespace AlertEngine.UnitTests.Ingest.Zabbix;

/// <summary>Who may post events: a configured server name (any case) with its own secret.</summary>
public sealed class WebhookAuthenticatorTests
{
    private const string MainSecret = "k3x9-Qp7v-Zr2m-Wt8b";
    private const string EuSecret = "eu-7hG2-pL9x-Vd4s-Qa1z";

    // rule, token presented
    public static TheoryData<string, string?> BadTokens => new()
    {
        { "missing", null },
        { "empty", "" },
        { "wrong", "not-the-secret-at-all" },
        { "other server's secret", EuSecret },
        { "right secret in other case", MainSecret.ToUpperInvariant() },
        { "right secret without its last character", MainSecret[..^1] },
        { "right secret with a trailing space", MainSecret + " " },
        { "right secret twice", MainSecret + MainSecret },
    };

    // rule, server as it appears in the URL
    public static TheoryData<string, string> ServerSpellings => new()
    {
        { "configured spelling", "Main" },
        { "lower case", "main" },
        { "upper case", "MAIN" },
    };

    [Theory]
    [MemberData(nameof(ServerSpellings))]
    public void Check_RightTokenAnyCaseOfServer_AllowedWithConfiguredSpelling(string rule, string server)
    {
        var access = CreateSut().Check(server, MainSecret, out var serverName);

        Assert.True(access == WebhookAccess.Allowed, $"{rule}: {access}");
        Assert.Equal("Main", serverName);
    }

    [Fact]
    public void Check_SecondServerWithItsOwnToken_Allowed()
    {
        var access = CreateSut().Check("zbx-eu", EuSecret, out var serverName);

        Assert.Equal(WebhookAccess.Allowed, access);
        Assert.Equal("zbx-eu", serverName);
    }

    [Theory]
    [MemberData(nameof(BadTokens))]
    public void Check_BadToken_BadTokenWithConfiguredSpelling(string rule, string? token)
    {
        var access = CreateSut().Check("MAIN", token, out var serverName);

        Assert.True(access == WebhookAccess.BadToken, $"{rule}: {access}");
        Assert.Equal("Main", serverName);
    }

    [Fact]
    public void Check_UnknownServer_UnknownServerWithNameAsGiven()
    {
        var access = CreateSut().Check("zbx-asia", MainSecret, out var serverName);

        Assert.Equal(WebhookAccess.UnknownServer, access);
        Assert.Equal("zbx-asia", serverName);
    }

    [Fact]
    public void Check_ServerWithEmptySecretAndEmptyToken_BadToken()
    {
        var options = new ZabbixOptions();
        options.Servers["main"] = new ZabbixServerOptions { WebhookSecret = "" };
        var sut = new WebhookAuthenticator(Options.Create(options));

        Assert.Equal(WebhookAccess.BadToken, sut.Check("main", "", out _));
        Assert.Equal(WebhookAccess.BadToken, sut.Check("main", null, out _));
    }

    [Fact]
    public void Check_NoServersConfigured_UnknownServer()
    {
        var sut = new WebhookAuthenticator(Options.Create(new ZabbixOptions()));

        Assert.Equal(WebhookAccess.UnknownServer, sut.Check("main", MainSecret, out _));
    }

    private static WebhookAuthenticator CreateSut()
    {
        var options = new ZabbixOptions();
        options.Servers["Main"] = new ZabbixServerOptions { WebhookSecret = MainSecret };
        options.Servers["zbx-eu"] = new ZabbixServerOptions { WebhookSecret = EuSecret };
        return new WebhookAuthenticator(Options.Create(options));
    }
}
