using System.Net;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Ingest.Zabbix.Api;

/// <summary>Errors, retries, timeouts, the circuit breaker and Health, against a mock Zabbix that fails on purpose.</summary>
public sealed class ZabbixServerApiFailureTests : IDisposable
{
    private readonly ZabbixApiClientFactory _clients = new();

    [Fact]
    public async Task JsonRpcError_Permanent_ExceptionWithCodeAndDataNotRetried()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.RespondError("event.get", -32500, "Application error.", "No permissions to referred object or it does not exist!");
        var api = _clients.Create(zabbix);

        var ex = await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetEventsAsync(["51"], TestContext.Current.CancellationToken));

        Assert.Equal(-32500, ex.Code);
        Assert.Equal("No permissions to referred object or it does not exist!", ex.Data);
        Assert.False(ex.Retryable);
        Assert.Equal("main", ex.Server);
        Assert.Equal("event.get", ex.Method);
        Assert.Single(zabbix.Received("event.get"));
        Assert.True(api.Health.Reachable);
        Assert.NotNull(api.Health.LastAnswerAt);
    }

    [Fact]
    public async Task InternalError_Retryable_RetriedThenSucceeds()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.RespondTo("problem.get", """[{"eventid":"51","objectid":"23137","clock":"1795638019","name":"x","severity":"4"}]""");
        zabbix.RespondError("problem.get", -32603, "Internal error.", times: 1);
        var api = _clients.Create(zabbix);

        var problems = await api.GetOpenProblemsAsync(10, TestContext.Current.CancellationToken);

        Assert.Single(problems);
        Assert.Equal(2, zabbix.Received("problem.get").Count);
    }

    [Fact]
    public async Task Http503_TwiceThenAnswer_ReadRetriedAndSucceeds()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.RespondTo("event.get", """[{"eventid":"99"}]""");
        zabbix.RespondHttp(HttpStatusCode.ServiceUnavailable, "event.get", times: 2);
        var api = _clients.Create(zabbix);

        var latest = await api.GetLatestEventIdAsync(TestContext.Current.CancellationToken);

        Assert.Equal(99, latest);
        Assert.Equal(3, zabbix.Received("event.get").Count);
        Assert.True(api.Health.Reachable);
        Assert.Null(api.Health.FailingSince);
    }

    [Fact]
    public async Task Http412_WrongContentType_PermanentWithHintNotRetried()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.RespondHttp(HttpStatusCode.PreconditionFailed, "event.get");
        var api = _clients.Create(zabbix);

        var ex = await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.False(ex.Retryable);
        Assert.Contains("HTTP 412", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Content-Type", ex.Message, StringComparison.Ordinal);
        Assert.Single(zabbix.Received("event.get"));
    }

    [Fact]
    public async Task SlowReply_BeyondTimeout_RetryableTimeoutNamingTheKey()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.Slow("event.get", TimeSpan.FromSeconds(1));
        var api = _clients.Create(zabbix, o => (o.Timeout, o.ReadRetries) = (TimeSpan.FromMilliseconds(200), 0));

        var ex = await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.Retryable);
        Assert.Null(ex.Code);
        Assert.Contains("Zabbix:Servers:main:Api:Timeout", ex.Message, StringComparison.Ordinal);
        Assert.False(api.Health.Reachable);
    }

    [Fact]
    public async Task ServerFailing_BreakerOpens_LaterCallsFailFastThenRecoverAfterBreakDuration()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T20:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var zabbix = ZabbixMock.Start("7.0.5");
        zabbix.RespondTo("event.get", """[{"eventid":"7"}]""");
        var api = _clients.Create(zabbix, o => o.ReadRetries = 0, time);
        await api.GetLatestEventIdAsync(TestContext.Current.CancellationToken);
        zabbix.RespondHttp(HttpStatusCode.BadGateway);
        var failingFrom = time.GetUtcNow();
        for (var i = 0; i < ZabbixApiResilience.MinimumThroughput; i++)
        {
            await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));
            time.Advance(TimeSpan.FromMilliseconds(10));
        }

        var before = zabbix.Received().Count;
        var open = await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.True(open.Retryable);
        Assert.Contains("circuit open", open.Message, StringComparison.Ordinal);
        Assert.Equal(before, zabbix.Received().Count);
        Assert.False(api.Health.Reachable);
        Assert.Equal(failingFrom, api.Health.FailingSince);

        // Health keeps the failure that opened the circuit, which is what an operator can act on.
        Assert.Contains("502", api.Health.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("circuit open", api.Health.LastError, StringComparison.Ordinal);

        time.Advance(TimeSpan.FromMilliseconds(500));
        zabbix.RespondTo("apiinfo.version", "\"7.0.5\"");
        zabbix.RespondTo("event.get", """[{"eventid":"7"}]""");
        var versionAsked = zabbix.Received("apiinfo.version").Count;
        Assert.Equal(7, await api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.Equal(versionAsked + 1, zabbix.Received("apiinfo.version").Count);
        Assert.True(api.Health.Reachable);
        Assert.Null(api.Health.FailingSince);
        Assert.Null(api.Health.LastError);
        Assert.Equal(new Version(7, 0, 5), api.Health.Version);
    }

    [Fact]
    public async Task ServerGone_ConnectionRefused_UnreachableThenBackWithVersionAskedAgain()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondTo("event.get", """[{"eventid":"7"}]""");
        var api = _clients.Create(zabbix, o => o.ReadRetries = 1);
        await api.GetLatestEventIdAsync(TestContext.Current.CancellationToken);
        var answeredAt = api.Health.LastAnswerAt;

        zabbix.GoAway();
        var ex = await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.True(ex.Retryable);
        Assert.Contains("unreachable", ex.Message, StringComparison.Ordinal);
        Assert.False(api.Health.Reachable);
        Assert.NotNull(api.Health.FailingSince);
        Assert.Equal(answeredAt, api.Health.LastAnswerAt);

        zabbix.ComeBack();
        Assert.Equal(7, await api.GetLatestEventIdAsync(TestContext.Current.CancellationToken));

        Assert.Equal(2, zabbix.Received("apiinfo.version").Count);
        Assert.True(api.Health.Reachable);
        Assert.Null(api.Health.FailingSince);
    }

    [Fact]
    public async Task Acknowledge_BodyExactAndNeverRetried()
    {
        await using var zabbix = ZabbixMock.Start("6.0.14");
        zabbix.RespondTo("event.acknowledge", """{"eventids":["51"]}""");
        var api = _clients.Create(zabbix);

        await api.AcknowledgeAsync(new ZabbixAcknowledgeRequest(["51"], ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, "Taken by Li Wei in AlertEngine (AE-12)"), TestContext.Current.CancellationToken);
        zabbix.RespondHttp(HttpStatusCode.ServiceUnavailable, "event.acknowledge");
        var ex = await Assert.ThrowsAsync<ZabbixApiException>(() => api.AcknowledgeAsync(new ZabbixAcknowledgeRequest(["52"], ZabbixUpdateActions.Close, null), TestContext.Current.CancellationToken));

        Assert.True(ex.Retryable);
        var sent = zabbix.Received("event.acknowledge");
        Assert.Equal(2, sent.Count);
        Assert.Equal("""{"eventids":["51"],"action":6,"message":"Taken by Li Wei in AlertEngine (AE-12)"}""", sent[0].Params.ToJsonString());
        Assert.Equal(ZabbixApiClientFactory.Token, (string?)sent[0].Body["auth"]);
        Assert.Equal("2.0", (string?)sent[0].Body["jsonrpc"]);
        Assert.Equal("""{"eventids":["52"],"action":1}""", sent[1].Params.ToJsonString());
    }

    [Fact]
    public async Task Calls_CountedInMetricsByResult()
    {
        await using var zabbix = ZabbixMock.Start();
        zabbix.RespondTo("problem.get", "[]");
        zabbix.RespondError("trigger.get", -32602, "Invalid params.", "Invalid parameter \"/1/triggerids/1\": a number is expected.");
        var api = _clients.Create(zabbix);

        await api.GetOpenProblemsAsync(5, TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<ZabbixApiException>(() => api.GetManualCloseAsync(["x"], TestContext.Current.CancellationToken));

        using var text = new MemoryStream();
        await _clients.Metrics.Registry.CollectAndExportAsTextAsync(text, TestContext.Current.CancellationToken);
        var scrape = System.Text.Encoding.UTF8.GetString(text.ToArray());
        Assert.Contains("alertengine_zabbix_api_calls_total{server=\"main\",method=\"problem.get\",result=\"ok\"} 1", scrape, StringComparison.Ordinal);
        Assert.Contains("alertengine_zabbix_api_calls_total{server=\"main\",method=\"trigger.get\",result=\"error\"} 1", scrape, StringComparison.Ordinal);
        Assert.Contains("alertengine_zabbix_api_up{server=\"main\"} 1", scrape, StringComparison.Ordinal);
    }

    public void Dispose() => _clients.Dispose();
}
