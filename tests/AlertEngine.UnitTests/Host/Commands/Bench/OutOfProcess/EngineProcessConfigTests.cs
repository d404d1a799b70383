using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.UnitTests.Host.Commands.Bench.OutOfProcess;

public sealed class EngineProcessConfigTests
{
    [Theory]
    [InlineData("Urls", "AlertEngine__Urls")]
    [InlineData("Ingest:QueueCapacity", "AlertEngine__Ingest__QueueCapacity")]
    [InlineData("Logging:LogLevel:Microsoft.AspNetCore", "AlertEngine__Logging__LogLevel__Microsoft.AspNetCore")]
    public void VariableFor_ConfigurationKey_PrefixedVariableThatWinsOverTheOperatorsFile(string key, string variable)
    {
        Assert.Equal(variable, EngineProcessConfig.VariableFor(key));
    }

    [Fact]
    public void SecretVariable_IsTheBenchServersWebhookSecret()
    {
        Assert.Equal("AlertEngine__Zabbix__Servers__bench__WebhookSecret", EngineProcess.SecretVariable);
    }
}
