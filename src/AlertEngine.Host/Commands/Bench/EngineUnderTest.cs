using System.Diagnostics;
using System.Security.Cryptography;
using AlertEngine.Ingest;
using AlertEngine.Ingest.Zabbix;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Data.Sqlite;
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
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan DrainReport = TimeSpan.FromSeconds(5);

    private readonly WebApplication _app;
    private readonly DirectoryInfo _folder;
    private bool _stopped;

    private EngineUnderTest(WebApplication app, DirectoryInfo folder, string databasePath, LoadTarget target)
    {
        _app = app;
        _folder = folder;
        DatabasePath = databasePath;
        Target = target;
    }

    public LoadTarget Target { get; }

    public string DatabasePath { get; }

    public LogLevel LogLevel => BenchHosting.EffectiveLevel(_app.Services);

    public IngestOptions Ingest => _app.Services.GetRequiredService<IOptions<IngestOptions>>().Value;

    public PipelineOptions Pipeline => _app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value;

    public static async Task<EngineUnderTest> StartAsync(CancellationToken cancellationToken)
    {
        var folder = Directory.CreateTempSubdirectory("alertengine-bench-");
        WebApplication? app = null;
        try
        {
            var databasePath = Path.Combine(folder.FullName, "alertengine.db");
            var secret = RandomNumberGenerator.GetHexString(48, lowercase: true);
            var builder = EngineApp.CreateBuilder([]);
            var settings = BenchHosting.QuietLoopback(builder.Configuration);
            settings[$"{StorageOptions.SectionName}:{nameof(StorageOptions.DatabasePath)}"] = databasePath;
            settings[$"{ZabbixOptions.SectionName}:{nameof(ZabbixOptions.Servers)}:{ServerName}:{nameof(ZabbixServerOptions.WebhookSecret)}"] = secret;
            builder.Configuration.AddInMemoryCollection(settings);
            BenchHosting.LeaveSignalsToTheBenchmark(builder.Services);
            app = builder.Build().MapEngine();
            await app.StartAsync(cancellationToken);
            var events = new Uri(BenchHosting.BoundAddress(app), $"/api/v1/zabbix/{ServerName}/events");
            return new EngineUnderTest(app, folder, databasePath, new LoadTarget("engine", events, secret));
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Waits until the pipeline has processed every inbox event, so that the next run starts on
    /// an idle engine; reports the backlog and how fast it went down (the pipeline alone, no load).
    /// </summary>
    public async Task<PipelineDrain> WaitForPipelineAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var backlog = CountUnprocessed();
        var left = backlog;
        var reported = started;
        if (backlog > 0)
        {
            await progress.WriteLineAsync($"engine: the pipeline has {Text.Count(backlog)} events to process; waiting so the next run starts on an idle engine…");
        }

        while (left > 0 && Stopwatch.GetElapsedTime(started) < MaxDrainWait)
        {
            await Task.Delay(DrainPoll, TimeProvider.System, cancellationToken);
            left = CountUnprocessed();
            if (left > 0 && Stopwatch.GetElapsedTime(reported) >= DrainReport)
            {
                reported = Stopwatch.GetTimestamp();
                await progress.WriteLineAsync($"engine: {Text.Count(left)} events still to process…");
            }
        }

        var drain = new PipelineDrain(backlog, Stopwatch.GetElapsedTime(started), left);
        if (backlog > 0)
        {
            await progress.WriteLineAsync(left > 0
                ? $"engine: gave up waiting after {Text.Seconds(drain.Elapsed)}; {Text.Count(left)} events still unprocessed"
                : $"engine: pipeline processed {Text.Count(backlog)} events in {Text.Seconds(drain.Elapsed)}{drain.RateNote}");
        }

        return drain;
    }

    /// <summary>Stops the engine (the inbox writer drains its queue), then counts the inbox from the file itself.</summary>
    public async Task<InboxCounts> StopAndCountAsync(CancellationToken cancellationToken)
    {
        await StopAsync(cancellationToken);
        SqliteConnection.ClearAllPools();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        return new InboxCounts(
            Scalar(connection, BenchSql.CountInbox),
            Scalar(connection, BenchSql.CountUnprocessed),
            Scalar(connection, BenchSql.CountPoisoned));
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(BenchHosting.StopTimeout, TimeProvider.System))
        {
            await StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            _folder.Delete(recursive: true);
        }
        catch (IOException ex)
        {
            await Console.Error.WriteLineAsync($"could not delete the benchmark database folder {_folder.FullName}: {ex.Message}");
        }
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
        return Scalar(connection, BenchSql.CountUnprocessed);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>What the inbox table holds after the benchmark.</summary>
internal sealed record InboxCounts(long Stored, long Unprocessed, long Poisoned);
