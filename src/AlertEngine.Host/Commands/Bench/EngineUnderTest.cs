using System.Security.Cryptography;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The real engine, built exactly as <c>alertengine</c> builds it (EngineApp.CreateBuilder, then
/// MapEngine), on a free loopback port with a fresh SQLite file in a temp folder, one Zabbix
/// server <c>bench</c> with a generated secret, and logs at Warning. Ctrl+C stays with the benchmark
/// (the engine hooks no signal here). The folder is deleted on dispose.
/// </summary>
internal sealed class EngineUnderTest : IAsyncDisposable
{
    public const string ServerName = "bench";
    private static readonly TimeSpan MaxDrainWait = TimeSpan.FromMinutes(10);

    private readonly WebApplication _app;
    private readonly BenchFolder _folder;
    private bool _stopped;

    private EngineUnderTest(WebApplication app, BenchFolder folder, LoadTarget target)
    {
        _app = app;
        _folder = folder;
        Target = target;
    }

    public LoadTarget Target { get; }

    public string DatabasePath => _folder.DatabasePath;

    public LogLevel LogLevel => BenchHosting.EffectiveLevel(_app.Services);

    public IngestOptions Ingest => _app.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

    public PipelineOptions Pipeline => _app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;

    /// <summary>The inbox writer's totals since start (from the engine's metrics).</summary>
    public InboxWriterTotals WriterTotals() => _app.Services.GetRequiredService<EngineMetrics>().InboxWriterTotals();

    public static async Task<EngineUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        var folder = new BenchFolder();
        WebApplication? app = null;
        try
        {
            var secret = RandomNumberGenerator.GetHexString(48, lowercase: true);
            var builder = EngineApp.CreateBuilder([]);
            var settings = BenchHosting.QuietLoopback(builder.Configuration);
            settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)}"] = folder.DatabasePath;
            settings[$"{ZabbixOptions.SectionName}:{nameof(ZabbixOptions.Servers)}:{ServerName}:{nameof(ZabbixServerOptions.WebhookSecret)}"] = secret;
            builder.Configuration.AddInMemoryCollection(settings);
            BenchHosting.LeaveSignalsToTheBenchmark(builder.Services);
            app = builder.Build().MapEngine();
            await app.StartAsync(cancellationToken);
            var events = new Uri(BenchHosting.BoundAddress(app), $"/api/v1/zabbix/{ServerName}/events");
            return new EngineUnderTest(app, folder, new LoadTarget("engine", events, secret));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            folder.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Waits until the pipeline has processed every inbox event, so that the next run starts on
    /// an idle engine; reports the backlog and how fast it went down (the pipeline alone, no load).
    /// </summary>
    public Task<PipelineDrain> WaitForPipelineAsync(TextWriter progress, CancellationToken cancellationToken) =>
        PipelineWait.UntilIdleAsync(_ => Task.FromResult<long?>(CountUnprocessed()), MaxDrainWait, progress, cancellationToken);

    /// <summary>Stops the engine (the inbox writer drains its queue), then counts the inbox from the file itself.</summary>
    public async Task<InboxCounts> StopAndCountAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken);
        return InboxFile.Count(DatabasePath);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(BenchHosting.StopTimeout, TimeProvider.System))
        {
            await StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        _folder.Dispose();
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync(cancellationToken);
        }
    }

    private long CountUnprocessed()
    {
        using var connection = _app.Services.GetRequiredService<SqliteConnectionFactory>().Open();
        return InboxFile.Scalar(connection, BenchSql.CountUnprocessed);
    }
}
