namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>What one <c>alertengine bench storm</c> run does, and the targets of issue #5.</summary>
/// <param name="Events">Deliveries to send, redeliveries included (the storm is exactly this long).</param>
/// <param name="Hosts">Hosts the keys are spread over.</param>
/// <param name="Concurrency">Requests in flight while sending.</param>
/// <param name="Seed">Seed of the generator: the same seed and sizes give the same storm.</param>
/// <param name="MaxTime">Longest sending and processing may take together, from the first event sent; past it the run stops as incomplete.</param>
/// <param name="ProgressEvery">How often a progress line reports what was sent, the backlog and the engine's memory.</param>
/// <param name="Enforce">Exit with code 3 when a target is missed.</param>
internal sealed record StormSettings(long Events, int Hosts, int Concurrency, int Seed, TimeSpan MaxTime, TimeSpan ProgressEvery, bool Enforce)
{
    public const long DefaultEvents = 100_000;
    public const int DefaultHosts = 5_000;
    public const long QuickEvents = 5_000;
    public const int QuickHosts = 250;
    public const long MaxEvents = 2_000_000;
    public const int MaxHosts = 1_000_000;

    /// <summary>The number: any fixed seed will do, this one is easy to remember.</summary>
    public const int DefaultSeed = 5;

    /// <summary>Target: the engine process's peak resident memory stays below this during the storm.</summary>
    public const long MaxResidentBytes = 400_000_000;

    /// <summary>Target: from the first event sent to an empty inbox (every ticket final) within this.</summary>
    public static readonly TimeSpan MaxProcessingTime = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan DefaultMaxTime = TimeSpan.FromMinutes(5);

    public static StormSettings Defaults(bool quick, bool enforce) => quick
        ? new(QuickEvents, QuickHosts, IngestBenchSettings.TargetConcurrency, DefaultSeed, TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(2), enforce)
        : new(DefaultEvents, DefaultHosts, IngestBenchSettings.TargetConcurrency, DefaultSeed, DefaultMaxTime, TimeSpan.FromSeconds(5), enforce);
}
