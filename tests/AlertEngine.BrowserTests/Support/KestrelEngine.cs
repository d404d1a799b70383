using AlertEngine.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace AlertEngine.BrowserTests.Support;

/// <summary>
/// The whole engine, built as `alertengine` builds it (configuration on the command line), on real
/// Kestrel at a free port of 127.0.0.1 so that a browser can reach it, over a given database and rules
/// folder, with the given clock in place of the system one. One read-only API token,
/// <see cref="WallSecret"/>; report scheduling off.
/// </summary>
internal sealed class KestrelEngine : IAsyncDisposable
{
    public const string WallSecret = "read-only-token-for-the-wall-0003-mnop";

    private readonly WebApplication _app;

    private KestrelEngine(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The address the engine listens on, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Address { get; }

    public static async Task<KestrelEngine> StartAsync(SeededDesk desk, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(desk);
        var builder = EngineApp.CreateBuilder(
        [
            "--Urls=http://127.0.0.1:0",
            $"--Storage:DatabasePath={desk.DatabasePath}",
            $"--Rules:Folder={desk.RulesFolder}",
            $"--Api:ReadOnlyTokens:wall={WallSecret}",
            $"--Reports:Folder={Path.Combine(desk.Folder, "reports")}",
            "--Reports:Scheduled=false",
        ]);
        builder.Services.Replace(ServiceDescriptor.Singleton(clock));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        var app = builder.Build().MapEngine();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.SingleOrDefault()
            ?? throw new InvalidOperationException("Kestrel reports no bound address");
        return new KestrelEngine(app, new Uri(bound.EndsWith('/') ? bound : bound + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
