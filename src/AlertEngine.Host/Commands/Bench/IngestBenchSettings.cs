namespace AlertEngine.Host.Commands.Bench;

/// <summary>What one <c>alertengine bench ingest</c> run does: concurrencies, phase lengths and limits.</summary>
/// <param name="Concurrency">Requests in flight per run; each value is run against the bare endpoint, then the engine.</param>
/// <param name="Warmup">Load before each measurement, not measured (the notes show 1 s measures about half the steady state).</param>
/// <param name="Duration">Measured time per run, unless <paramref name="MaxEvents"/> is reached first.</param>
/// <param name="MaxEvents">Most requests measured per run.</param>
/// <param name="Enforce">Exit with code 3 when a target is missed.</param>
internal sealed record IngestBenchSettings(int[] Concurrency, TimeSpan Warmup, TimeSpan Duration, long MaxEvents, bool Enforce)
{
    public const long DefaultMaxEvents = 2_000_000;

    /// <summary>The concurrencies run when none are given.</summary>
    public static readonly int[] DefaultConcurrency = [1, 16, 64];

    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan QuickWarmup = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan QuickDuration = TimeSpan.FromSeconds(2);

    /// <summary>The full run, or with <paramref name="quick"/> the smoke run (warm-up 1s, measure 2s).</summary>
    public static IngestBenchSettings Defaults(bool quick, bool enforce) => new(
        DefaultConcurrency,
        quick ? QuickWarmup : DefaultWarmup,
        quick ? QuickDuration : DefaultDuration,
        DefaultMaxEvents,
        enforce);

    /// <summary>The concurrency at which the targets are judged.</summary>
    public const int TargetConcurrency = 64;

    /// <summary>Target: the engine answers at least this share of the bare endpoint's requests/s at <see cref="TargetConcurrency"/>.</summary>
    public const double MinEngineShare = 0.40;

    /// <summary>Target: the engine's p99 at <see cref="TargetConcurrency"/> stays below this, in milliseconds.</summary>
    public const double MaxEngineP99Ms = 15.0;
}
