using System.Net;
using System.Net.Sockets;
using AlertEngine.Host.Commands;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Configuration;

/// <summary>`alertengine` with bad configuration exits with code 2 before it listens or touches the database.</summary>
public sealed class CommandLineStartTests
{
    [Fact]
    public async Task RunEngine_SeveralBadValues_ExitsWithCode2NamingEveryKeyAndCreatesNoDatabase()
    {
        using var db = new TempDatabase();
        using var errors = new StringWriter();

        var exitCode = await EngineCommandLine.RunEngineAsync(
            [
                $"--Storage:DatabasePath={db.Path}",
                "--Urls=http://127.0.0.1:0",
                "--Ingest:MaxBodyBytes=10",
                "--Zabbix:Servers:x:WebhookSecret=short",
            ],
            errors,
            TestContext.Current.CancellationToken);

        Assert.Equal(2, exitCode);
        Assert.Contains("Ingest:MaxBodyBytes", errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("Zabbix:Servers:x:WebhookSecret", errors.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }

    [Fact]
    public async Task RunEngine_AddressAlreadyInUse_ExitsWithCode3NamingTheAddressWithoutAStackTrace()
    {
        using var db = new TempDatabase();
        using var errors = new StringWriter();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var exitCode = await EngineCommandLine.RunEngineAsync(
            [
                $"--Storage:DatabasePath={db.Path}",
                $"--Urls={url}",
                "--Zabbix:Servers:main:WebhookSecret=secret-for-main-0001",
            ],
            errors,
            TestContext.Current.CancellationToken);

        Assert.Equal(EngineCommandLine.ExitAddressInUse, exitCode);
        Assert.Contains(url, errors.ToString(), StringComparison.Ordinal);
        Assert.Contains("address already in use", errors.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", errors.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunEngine_BrokenRulesFolder_ExitsWithCode2ListingEveryErrorAndCreatesNoDatabase()
    {
        using var db = new TempDatabase();
        using var errors = new StringWriter();
        var rules = Path.Combine(db.Folder, "rules");
        Directory.CreateDirectory(rules);
        await File.WriteAllTextAsync(Path.Combine(rules, "10-bad.yaml"), "rules:\n  - name: a\n    level: L9\n  - name: b\n    page: later\n", TestContext.Current.CancellationToken);

        var exitCode = await EngineCommandLine.RunEngineAsync(
            [
                $"--Storage:DatabasePath={db.Path}",
                "--Urls=http://127.0.0.1:0",
                $"--Rules:Folder={rules}",
                "--Zabbix:Servers:main:WebhookSecret=secret-for-main-0001",
            ],
            errors,
            TestContext.Current.CancellationToken);

        Assert.Equal(EngineCommandLine.ExitInvalidConfiguration, exitCode);
        var text = errors.ToString();
        Assert.Contains("10-bad.yaml:3:12: unknown level 'L9'", text, StringComparison.Ordinal);
        Assert.Contains("10-bad.yaml:5:11: unknown page policy 'later'", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.False(File.Exists(db.Path));
    }
}
