using System.Globalization;
using System.Net;
using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Microsoft.Extensions.DependencyInjection;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Ingest;

/// <summary>
/// Past Ingest:MaxConcurrentRequests requests in progress, one more is turned away at once with a
/// 503 and Retry-After (Zabbix retries) and nothing stored; the requests in progress are answered
/// as usual, and the next request after them is accepted.
/// </summary>
public sealed class WebhookAdmissionTests : EngineTestBase
{
    private const int Limit = 16;

    private protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Ingest:MaxConcurrentRequests"] = Limit.ToString(CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Webhook_LimitOfRequestsInProgress_OneMoreIs503AtOnceAndStoresNothing()
    {
        var gate = Engine.App.Services.GetRequiredService<WriteGate>();
        var admission = Engine.App.Services.GetRequiredService<IntakeAdmission>();
        List<Task<HttpResponseMessage>> waiting;
        using (await gate.EnterAsync(TestContext.Current.CancellationToken))
        {
            // The inbox writer cannot commit while the test holds the write lock: the requests wait in progress.
            waiting = [.. Enumerable.Range(1, Limit).Select(i => Engine.PostEventAsync(Problem($"7{i:D3}", T0)))];
            await Eventually.TrueAsync(() => admission.InProgress == Limit, 30, $"{Limit} requests in progress");

            // At once: without the bound it would wait for the write lock like the others (and time out here).
            using var turnedAway = await Engine.PostEventAsync(Problem("7999", T0)).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, turnedAway.StatusCode);
            Assert.NotNull(turnedAway.Headers.RetryAfter);
            Assert.Equal("application/problem+json", turnedAway.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Ingest:MaxConcurrentRequests", await turnedAway.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        foreach (var response in await Task.WhenAll(waiting))
        {
            using (response)
            {
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }
        }

        Assert.Equal(Limit, InboxRows.Count(DatabasePath));
        Assert.Equal(0, admission.InProgress);
        using var retried = await Engine.PostEventAsync(Problem("7999", T0));
        Assert.Equal(HttpStatusCode.Accepted, retried.StatusCode);
        Assert.Equal(Limit + 1, InboxRows.Count(DatabasePath));
    }
}
