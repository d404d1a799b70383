using System.Text.Json;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Ingest;

public sealed class HealthEndpointTests : EngineTestBase
{
    [Fact]
    public async Task Health_WritableDatabase_IsOkWithBacklogAndServers()
    {
        using var response = await Engine.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.True(body.RootElement.GetProperty("storage").GetProperty("writable").GetBoolean());
        Assert.True(body.RootElement.GetProperty("configuration").GetProperty("valid").GetBoolean());
        Assert.Equal(0, body.RootElement.GetProperty("inbox").GetProperty("backlog").GetInt64());
    }

    [Fact]
    public async Task Health_DatabaseLockedByAnotherWriter_Is503NotWritable()
    {
        using var blocker = new SqliteConnection($"Data Source={DatabasePath};Pooling=False;Default Timeout=1");
        blocker.Open();
        using var exclusive = blocker.CreateCommand();
        exclusive.CommandText = "PRAGMA busy_timeout=100; BEGIN EXCLUSIVE;";
        exclusive.ExecuteNonQuery();

        using var response = await Engine.Client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.False(body.RootElement.GetProperty("storage").GetProperty("writable").GetBoolean());
    }

    [Fact]
    public async Task Health_EventTimesAheadOfArrival_WarnsAboutTheMediaUserTimeZone()
    {
        var eightHoursAhead = TimeProvider.System.GetUtcNow().AddHours(8).ToUnixTimeSeconds();
        await DeliverAsync(Samples.With(Samples.Problem, o => o["clock"] = eightHoursAhead));

        using var body = JsonDocument.Parse(await Engine.Client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));

        // Only the clock warning: the calendar's coverage warning may stand beside it, depending on today's date.
        var warning = Assert.Single(body.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("Zabbix server", StringComparison.Ordinal)).GetString();
        Assert.Contains(EngineHost.ServerA, warning, StringComparison.Ordinal);
        Assert.Contains("time zone to UTC", warning, StringComparison.Ordinal);
    }
}
