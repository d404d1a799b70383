using System.Buffers;
using System.Text.Json;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The yardstick: a bare ASP.NET minimal API on the same route that reads the body, parses the
/// JSON and answers 200 — nothing else (no token check, no storage). Built like the engine
/// (WebApplication.CreateBuilder, same content root, same log levels).
/// </summary>
internal sealed class BareServer : IAsyncDisposable
{
    private const int MaxBodyBytes = 65_536;
    private readonly WebApplication _app;

    private BareServer(WebApplication app, LoadTarget target)
    {
        _app = app;
        Target = target;
    }

    public LoadTarget Target { get; }

    public LogLevel LogLevel => BenchHosting.EffectiveLevel(_app.Services);

    public static async Task<BareServer> StartAsync(string token, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(BenchHosting.QuietLoopback(builder.Configuration));
        BenchHosting.LeaveSignalsToTheBenchmark(builder.Services);
        var app = builder.Build();
        app.MapPost("/api/v1/zabbix/{server}/events", ReadAndParseAsync);
        try
        {
            await app.StartAsync(cancellationToken);
            return new BareServer(app, new LoadTarget("bare", new Uri(BenchHosting.BoundAddress(app), "/api/v1/zabbix/bench/events"), token));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(BenchHosting.StopTimeout, TimeProvider.System))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private static async Task<IResult> ReadAndParseAsync(string server, HttpRequest request)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBodyBytes);
        try
        {
            var length = 0;
            int read;
            while (length < MaxBodyBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBodyBytes - length), request.HttpContext.RequestAborted)) > 0)
            {
                length += read;
            }

            using var document = JsonDocument.Parse(buffer.AsMemory(0, length));
            return document.RootElement.ValueKind == JsonValueKind.Object ? Results.Ok() : Results.BadRequest();
        }
        catch (JsonException)
        {
            return Results.BadRequest();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
