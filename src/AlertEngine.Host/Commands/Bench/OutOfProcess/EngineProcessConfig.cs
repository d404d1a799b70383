using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using Microsoft.Extensions.Options;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// The configuration a separate engine process gets through its environment, and what it makes of
/// it. Resolved once per benchmark by building (not starting) the engine in this process from the
/// same sources — same binary, same working directory, same environment plus the same overrides —
/// so the report can state the log level and intake settings the process really runs with.
/// </summary>
/// <param name="Settings">Configuration keys the bench sets (quiet logs on stderr, loopback, any benchmark override).</param>
/// <param name="LogLevel">The lowest level of the request, intake and pipeline log categories.</param>
/// <param name="Ingest">The intake settings (group commit size, queue capacity).</param>
/// <param name="Pipeline">The pipeline settings.</param>
internal sealed record EngineProcessConfig(IReadOnlyDictionary<string, string?> Settings, LogLevel LogLevel, IngestOptions Ingest, PipelineOptions Pipeline)
{
    /// <summary>The prefix that makes a variable win over ./alertengine.json and plain ASP.NET variables (EngineApp).</summary>
    public const string VariablePrefix = "AlertEngine__";

    /// <summary>Builds the engine as <c>alertengine</c> would with these overrides, reads what it resolved, and throws it away.</summary>
    public static async Task<EngineProcessConfig> ResolveAsync(IReadOnlyDictionary<string, string?> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        var builder = EngineApp.CreateBuilder([]);
        var settings = BenchHosting.QuietLoopback(builder.Configuration);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        var app = builder.Build();
        await using (app)
        {
            return new EngineProcessConfig(
                settings,
                BenchHosting.EffectiveLevel(app.Services),
                app.Services.GetRequiredService<IOptions<IngestOptions>>().Value,
                app.Services.GetRequiredService<IOptions<PipelineOptions>>().Value);
        }
    }

    /// <summary>The environment variable for a configuration key: <c>Ingest:QueueCapacity</c> → <c>AlertEngine__Ingest__QueueCapacity</c>.</summary>
    public static string VariableFor(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return VariablePrefix + key.Replace(":", "__", StringComparison.Ordinal);
    }
}
