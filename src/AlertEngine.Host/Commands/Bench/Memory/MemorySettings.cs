namespace AlertEngine.Host.Commands.Bench.Memory;

/// <summary>What one <c>alertengine bench memory</c> run does.</summary>
/// <param name="Events">Unique events posted (each answered 2xx is one the engine must process).</param>
/// <param name="Concurrency">Requests in flight while posting.</param>
/// <param name="MaxTime">Longest the posting and processing may take together; past it the run stops and reports what it got as incomplete.</param>
/// <param name="Rest">Idle time after the engine is healthy before its memory at rest is read.</param>
/// <param name="ProgressEvery">How often a progress line reports events posted, ev/s, backlog and memory.</param>
/// <param name="Enforce">Exit with code 3 when a target is missed.</param>
internal sealed record MemorySettings(long Events, int Concurrency, TimeSpan MaxTime, TimeSpan Rest, TimeSpan ProgressEvery, bool Enforce)
{
    public const long DefaultEvents = 1_000_000;
    public const long QuickEvents = 10_000;
    public const long MaxEvents = 10_000_000;

    public static readonly TimeSpan DefaultMaxTime = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan QuickMaxTime = TimeSpan.FromMinutes(2);

    public static MemorySettings Defaults(bool quick, bool enforce) => quick
        ? new(QuickEvents, IngestBenchSettings.TargetConcurrency, QuickMaxTime, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), enforce)
        : new(DefaultEvents, IngestBenchSettings.TargetConcurrency, DefaultMaxTime, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5), enforce);
}
