namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>What one <c>alertengine bench paging</c> run does, and the targets of issue #8.</summary>
/// <param name="IdleDisasters">Disasters sent one at a time into an idle engine.</param>
/// <param name="StormEvents">Deliveries of the storm (issue #5's generator, severity capped at high).</param>
/// <param name="StormHosts">Hosts the storm's keys are spread over.</param>
/// <param name="StormDisasters">Disasters sent at spread moments in the middle of the storm.</param>
/// <param name="Concurrency">Storm requests in flight.</param>
/// <param name="Seed">Seed of the storm generator.</param>
/// <param name="MaxTime">Longest the storm's sending and processing may take together.</param>
internal sealed record PagingSettings(int IdleDisasters, long StormEvents, int StormHosts, int StormDisasters, int Concurrency, int Seed, TimeSpan MaxTime)
{
    public const int DefaultIdleDisasters = 200;
    public const int QuickIdleDisasters = 20;
    public const int DefaultStormDisasters = 20;
    public const int QuickStormDisasters = 5;
    public const long QuickStormEvents = 5_000;

    /// <summary>
    /// Idle disasters sent first and checked like the others, but reported apart as the first pages
    /// after a start: until each method on the path has run about 30 times the JIT runs it unoptimised
    /// (tiered compilation), and the first page also pays for the cold Twilio client. The idle target
    /// is about the engine as it runs for days, after them.
    /// </summary>
    public const int IdleWarmup = 40;

    /// <summary>Target: from the webhook's 2xx to the SMS at Twilio, p99, idle.</summary>
    public static readonly TimeSpan IdleTarget = TimeSpan.FromMilliseconds(10);

    /// <summary>Target: from the webhook's 2xx to the SMS at Twilio, p99, during the storm.</summary>
    public static readonly TimeSpan StormTarget = TimeSpan.FromSeconds(1);

    /// <summary>Pause between two idle disasters, once the SMS of the first arrived (its call goes out meanwhile).</summary>
    public static readonly TimeSpan IdlePause = TimeSpan.FromMilliseconds(50);

    /// <summary>Longest a disaster's SMS is waited for (past it the disaster counts as not paged).</summary>
    public static readonly TimeSpan PageWait = TimeSpan.FromSeconds(30);

    /// <summary>After the last SMS expected, how long the stand-in keeps listening for a second one.</summary>
    public static readonly TimeSpan DuplicateGrace = TimeSpan.FromSeconds(2);

    public static PagingSettings Defaults(bool quick) => quick
        ? new(QuickIdleDisasters, QuickStormEvents, Storm.StormSettings.QuickHosts, QuickStormDisasters, IngestBenchSettings.TargetConcurrency, Storm.StormSettings.DefaultSeed, TimeSpan.FromMinutes(2))
        : new(DefaultIdleDisasters, Storm.StormSettings.DefaultEvents, Storm.StormSettings.DefaultHosts, DefaultStormDisasters, IngestBenchSettings.TargetConcurrency, Storm.StormSettings.DefaultSeed, Storm.StormSettings.DefaultMaxTime);
}
