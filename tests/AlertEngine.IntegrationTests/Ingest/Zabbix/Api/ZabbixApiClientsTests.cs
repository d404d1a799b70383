using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AlertEngine.IntegrationTests.Ingest.Zabbix.Api;

/// <summary>AddAlertEngine builds one client per server with an Api:Url, over its own named HttpClient.</summary>
public sealed class ZabbixApiClientsTests
{
    [Fact]
    public async Task AddAlertEngine_ServerWithApiUrl_ClientReachesItsZabbix()
    {
        await using var zabbix = ZabbixMock.Start("7.0.5");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Zabbix:Servers:main:WebhookSecret"] = "k3x9-Qp7v-Zr2m-Wt8b",
            ["Zabbix:Servers:main:Api:Url"] = zabbix.Url.Replace("/api_jsonrpc.php", "/", StringComparison.Ordinal),
            ["Zabbix:Servers:main:Api:Token"] = "tok-0123456789abcdef",
            ["Zabbix:Servers:webhook-only:WebhookSecret"] = "k3x9-Qp7v-Zr2m-Wt8c",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddAlertEngine();
        await using var provider = services.BuildServiceProvider();
        var clients = provider.GetRequiredService<IZabbixApiClients>();

        var version = await clients.Find("MAIN")!.GetVersionAsync(TestContext.Current.CancellationToken);

        Assert.Equal(new Version(7, 0, 5), version);
        Assert.Equal(["main"], clients.Servers);
        Assert.Null(clients.Find("webhook-only"));
        Assert.Single(zabbix.Received("apiinfo.version"));
    }
}
