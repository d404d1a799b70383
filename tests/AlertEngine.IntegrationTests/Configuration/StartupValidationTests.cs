using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.Options;

namespace AlertEngine.IntegrationTests.Configuration;

/// <summary>A bad configuration value stops the engine at start with a message naming the key.</summary>
public sealed class StartupValidationTests
{
    public static TheoryData<string, string, string> BadValues => new()
    {
        { "Ingest:MaxBodyBytes", "10", "Ingest:MaxBodyBytes" },
        { "Pipeline:PollInterval", "00:00:00", "Pipeline:PollInterval" },
        { "Zabbix:Servers:zbx-a:WebhookSecret", "short", "Zabbix:Servers:zbx-a:WebhookSecret" },
        { "Zabbix:Servers:bad name!:WebhookSecret", "a-long-enough-secret-value", "Zabbix:Servers:bad name!" },
        { "Api:Tokens:desk", "shorter-than-32-characters", "Api:Tokens:desk" },
        { "Api:Tokens:copy", EngineHost.DeskSecret, "Api:Tokens:copy" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Start_BadValue_FailsNamingTheKey(string key, string value, string named)
    {
        using var db = new TempDatabase();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => EngineHost.StartAsync(db.Path, new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(error.Failures, f => f.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ValueOfWrongType_FailsNamingTheKey()
    {
        using var db = new TempDatabase();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => EngineHost.StartAsync(db.Path, new Dictionary<string, string?> { ["Ingest:QueueCapacity"] = "lots" }));

        Assert.Contains("Ingest:QueueCapacity", error.Message, StringComparison.Ordinal);
    }
}
