using AlertEngine.Host.Commands.Bench.OutOfProcess;

namespace AlertEngine.UnitTests.Host.Commands.Bench.OutOfProcess;

public sealed class EngineHealthTests
{
    [Fact]
    public void Parse_Healthy_BacklogAndDatabase()
    {
        const string body = """
            {"status":"ok","storage":{"writable":true,"path":"/tmp/b/alertengine.db"},"configuration":{"valid":true,"zabbixServers":["bench"]},
             "inbox":{"backlog":1234,"poisoned":2},"pager":{"mode":"dry-run"},"warnings":[]}
            """;

        var health = EngineHealth.Parse(200, body);

        Assert.Equal(new EngineHealth(true, "/tmp/b/alertengine.db", null, 1234, 2), health);
    }

    [Fact]
    public void Parse_StorageProbeFailedUnderLoad_UnhealthyWithReasonAndNoBacklog()
    {
        const string body = """
            {"status":"unhealthy","storage":{"writable":false,"path":"/tmp/b/alertengine.db","error":"SQLite Error 5: 'database is locked'."},
             "configuration":{"valid":true,"zabbixServers":["bench"]},"pager":{"mode":"dry-run"},"warnings":[]}
            """;

        var health = EngineHealth.Parse(503, body);

        Assert.False(health.Healthy);
        Assert.Equal("SQLite Error 5: 'database is locked'.", health.Error);
        Assert.Null(health.Backlog);
    }

    [Theory]
    [InlineData(200, "not json")]
    [InlineData(200, "[1,2]")]
    [InlineData(404, """{"status":"ok"}""")]
    public void Parse_NotTheEnginesAnswer_Unhealthy(int status, string body)
    {
        Assert.False(EngineHealth.Parse(status, body).Healthy);
    }
}
