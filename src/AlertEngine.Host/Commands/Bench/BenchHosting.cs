using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>What the engine and the bare endpoint share in the benchmark: a free loopback port and quiet logs.</summary>
internal static class BenchHosting
{
    /// <summary>How long stopping an app may take: Ctrl+C leaves the benchmark about 2 s to clean up.</summary>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The level every log category is raised to: per-request logs (Information) are off.</summary>
    public const LogLevel Level = LogLevel.Warning;

    /// <summary>Categories whose level decides what the benchmark pays for logging: per request, and the engine's intake and pipeline.</summary>
    private static readonly string[] ProbedCategories =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.Routing.EndpointMiddleware",
        "Microsoft.AspNetCore.Server.Kestrel",
        "AlertEngine.Ingest.InboxWriter",
        "AlertEngine.Pipeline.PipelineRunner",
    ];

    /// <summary>
    /// Configuration added last, so it wins over appsettings, ./alertengine.json and the
    /// environment: listen on a free 127.0.0.1 port, every configured log level raised to
    /// <see cref="Level"/>, and console logs on stderr so stdout carries only the report.
    /// </summary>
    public static Dictionary<string, string?> QuietLoopback(IConfiguration configuration)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = Level.ToString(),
            ["Logging:Console:LogToStandardErrorThreshold"] = nameof(LogLevel.Trace),
        };
        foreach (var (key, _) in configuration.GetSection("Logging").AsEnumerable())
        {
            if (key.Contains(":LogLevel:", StringComparison.OrdinalIgnoreCase))
            {
                settings[key] = Level.ToString();
            }
        }

        return settings;
    }

    /// <summary>
    /// Lets the benchmark, not the hosted apps, own Ctrl+C and SIGTERM: without it each app's
    /// console lifetime takes the signal and stops itself while the benchmark keeps running.
    /// </summary>
    public static void LeaveSignalsToTheBenchmark(IServiceCollection services) => services.AddSingleton<IHostLifetime, SignalFreeLifetime>();

    /// <summary>The address Kestrel bound, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        return new Uri(addresses.First());
    }

    /// <summary>The lowest level any probed category logs at, as the application really resolved it.</summary>
    public static LogLevel EffectiveLevel(IServiceProvider services)
    {
        var factory = services.GetRequiredService<ILoggerFactory>();
        var lowest = LogLevel.None;
        foreach (var category in ProbedCategories)
        {
            var logger = factory.CreateLogger(category);
            var level = Enum.GetValues<LogLevel>().FirstOrDefault(l => l != LogLevel.None && logger.IsEnabled(l), LogLevel.None);
            lowest = level < lowest ? level : lowest;
        }

        return lowest;
    }

    /// <summary>A host lifetime that hooks no signal; the benchmark stops the apps itself.</summary>
    private sealed class SignalFreeLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
