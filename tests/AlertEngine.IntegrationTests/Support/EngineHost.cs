using System.Net.Http.Json;
using System.Text;
using AlertEngine.Host;
using AlertEngine.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// The whole engine, built exactly as `alertengine` builds it, on the ASP.NET test server,
/// over a real SQLite file. Two Zabbix servers are configured: <c>zbx-a</c> and <c>zbx-b</c>;
/// two ticket API tokens: <c>desk</c> (which <see cref="Client"/> sends) and <c>night-tool</c>.
/// </summary>
internal sealed class EngineHost : IAsyncDisposable
{
    public const string ServerA = "zbx-a";
    public const string ServerB = "zbx-b";
    public const string SecretA = "secret-for-zbx-a-0001";
    public const string SecretB = "secret-for-zbx-b-0002";
    public const string DeskToken = "desk";
    public const string DeskSecret = "api-token-for-the-desk-0001-abcdefgh";
    public const string ToolToken = "night-tool";
    public const string ToolSecret = "api-token-for-the-night-tool-0002-ijkl";
    public const string WallToken = "wall-screen";
    public const string WallSecret = "read-only-token-for-the-wall-0003-mnop";

    private EngineHost(WebApplication app)
    {
        App = app;
        Client = CreateClient(DeskSecret);
    }

    public WebApplication App { get; }

    /// <summary>A client that sends the <c>desk</c> API token on every request.</summary>
    public HttpClient Client { get; }

    public SqliteConnectionFactory Connections => App.Services.GetRequiredService<SqliteConnectionFactory>();

    /// <summary>
    /// Starts the engine; with <paramref name="clock"/> (a FakeTimeProvider) the engine's time is the
    /// test's: tickets are stamped with it and the jobs' checks judge by it. <paramref name="services"/>
    /// replaces engine services with test doubles.
    /// </summary>
    public static async Task<EngineHost> StartAsync(string databasePath, IDictionary<string, string?>? settings = null, TimeProvider? clock = null, Action<IServiceCollection>? services = null)
    {
        var builder = EngineApp.CreateBuilder([]);
        if (clock is not null)
        {
            builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        }

        // Test doubles for the engine's outside world (e.g. a fake Zabbix API).
        services?.Invoke(builder.Services);

        builder.WebHost.UseTestServer();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var config = new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = databasePath,
            [$"Zabbix:Servers:{ServerA}:WebhookSecret"] = SecretA,
            [$"Zabbix:Servers:{ServerB}:WebhookSecret"] = SecretB,
            ["Pipeline:PollInterval"] = "00:00:00.200",
            // The SLA watcher runs at start and then only every 5 min: the sample events are from
            // 2026-11-25, so their deadlines have passed, and tests that read exact timelines must not
            // race it. Tests of the watcher run it themselves (SlaWatch.RunAsync).
            ["Sla:WatchInterval"] = "00:05:00",
            // Likewise the escalation job: it starts chains for tickets opened through the API, and its
            // timeline lines must not race tests that read exact timelines. Paging tests run it themselves.
            ["Paging:EscalationInterval"] = "00:01:00",
            [$"Api:Tokens:{DeskToken}"] = DeskSecret,
            [$"Api:Tokens:{ToolToken}"] = ToolSecret,
            [$"Api:ReadOnlyTokens:{WallToken}"] = WallSecret,
            // Reports go beside the test's database, never into the test's working folder.
            ["Reports:Folder"] = Path.Combine(Path.GetDirectoryName(databasePath)!, "reports"),
        };
        if (clock is not null)
        {
            // The runner rests between storm turns on the engine's clock: a fake clock the test does
            // not move would hold it there. A test of the rest sets it again.
            config["Pipeline:StormPause"] = "00:00:00";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            // A null value removes a default (e.g. no API tokens at all).
            if (value is null)
            {
                config.Remove(key);
            }
            else
            {
                config[key] = value;
            }
        }

        builder.Configuration.AddInMemoryCollection(config);
        var app = builder.Build().MapEngine();
        await app.StartAsync(TestContext.Current.CancellationToken);
        return new EngineHost(app);
    }

    /// <summary>A client of this engine that sends <c>Authorization: Bearer {bearer}</c>, or no Authorization header when null.</summary>
    public HttpClient CreateClient(string? bearer)
    {
        var client = App.GetTestClient();
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        }

        return client;
    }

    /// <summary>Posts a body to a server's webhook with its token (or the one given).</summary>
    public Task<HttpResponseMessage> PostEventAsync(string body, string server = ServerA, string? token = null) =>
        PostEventAsync(new StringContent(body, Encoding.UTF8, "application/json"), server, token);

    /// <summary>Posts exact bytes (which need not be UTF-8) to a server's webhook with its token (or the one given).</summary>
    public Task<HttpResponseMessage> PostEventAsync(byte[] body, string server = ServerA, string? token = null) =>
        PostEventAsync(new ByteArrayContent(body) { Headers = { ContentType = new("application/json") } }, server, token);

    private Task<HttpResponseMessage> PostEventAsync(HttpContent content, string server, string? token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/zabbix/{server}/events") { Content = content };
        request.Headers.Add("X-AlertEngine-Token", token ?? (server == ServerB ? SecretB : SecretA));
        return Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Waits (bounded) until the pipeline has processed every inbox event.</summary>
    public async Task WaitForProcessingAsync()
    {
        var deadline = TimeProvider.System.GetTimestamp() + TimeSpan.FromSeconds(10).Ticks * TimeProvider.System.TimestampFrequency / TimeSpan.TicksPerSecond;
        while (true)
        {
            var health = await Client.GetFromJsonAsync<Health>("/healthz", TestContext.Current.CancellationToken);
            if (health?.Inbox?.Backlog == 0)
            {
                return;
            }

            if (TimeProvider.System.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"the inbox still holds {health?.Inbox?.Backlog} unprocessed events after 10 s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync(CancellationToken.None);
        await App.DisposeAsync();
    }

    private sealed record Health(string Status, InboxCounts? Inbox);

    private sealed record InboxCounts(long Backlog, long Poisoned);
}
