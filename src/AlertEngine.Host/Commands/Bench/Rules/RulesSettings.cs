namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>What one <c>alertengine bench rules</c> run does, and the targets it judges.</summary>
/// <param name="Warmup">Classifying before each measurement, not measured (lets the JIT reach its final code).</param>
/// <param name="Duration">Measured time per rule set, unless <paramref name="MaxEvents"/> is reached first.</param>
/// <param name="MaxEvents">Most events classified per measurement (and per warm-up).</param>
/// <param name="Loads">How many times the generated set is loaded and compiled to time it (the first includes the JIT).</param>
/// <param name="Enforce">Exit with code 3 when a target is missed.</param>
internal sealed record RulesSettings(TimeSpan Warmup, TimeSpan Duration, long MaxEvents, int Loads, bool Enforce)
{
    public const long DefaultMaxEvents = 1_000_000_000;
    public const int DefaultLoads = 5;
    public const int QuickLoads = 2;

    /// <summary>Target: classified events/s on one core with the shipped rules (issue #4).</summary>
    public const double ShippedTarget = 100_000;

    /// <summary>Target: classified events/s on one core with the generated 1,000-rule set (issue #4).</summary>
    public const double GeneratedTarget = 20_000;

    public static readonly TimeSpan DefaultWarmup = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan DefaultDuration = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan QuickWarmup = TimeSpan.FromMilliseconds(500);
    public static readonly TimeSpan QuickDuration = TimeSpan.FromSeconds(1);

    /// <summary>The full run (warm-up 5s, measure 5s per set), or with <paramref name="quick"/> the smoke run (500ms, 1s).</summary>
    public static RulesSettings Defaults(bool quick, bool enforce) => new(
        quick ? QuickWarmup : DefaultWarmup,
        quick ? QuickDuration : DefaultDuration,
        DefaultMaxEvents,
        quick ? QuickLoads : DefaultLoads,
        enforce);
}
