namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>What one <c>alertengine bench overload</c> run does.</summary>
/// <param name="Rate">Requests per second to offer; null: <see cref="Factor"/> × the capacity a closed-loop run measures first.</param>
/// <param name="CapacityWarmup">Warm-up of the closed-loop capacity run.</param>
/// <param name="CapacityDuration">Measurement of the closed-loop capacity run.</param>
/// <param name="Warmup">Fixed-rate load before the measurement (connections open, the queue fills), not measured.</param>
/// <param name="Duration">Measured fixed-rate load.</param>
/// <param name="MaxInFlight">Most requests in flight (each one connection here and one in the engine); a request due beyond it is not sent.</param>
/// <param name="QueueCapacity">Ingest:QueueCapacity for the engine; null: see <see cref="ChooseQueueCapacity"/>.</param>
/// <param name="MaxDrainWait">Longest wait for the capacity run's backlog to be processed before the fixed-rate load.</param>
/// <param name="Enforce">Exit with code 3 when a target is missed.</param>
internal sealed record OverloadSettings(
    double? Rate,
    TimeSpan CapacityWarmup,
    TimeSpan CapacityDuration,
    TimeSpan Warmup,
    TimeSpan Duration,
    int MaxInFlight,
    int? QueueCapacity,
    TimeSpan MaxDrainWait,
    bool Enforce)
{
    /// <summary>The default offered rate, as a multiple of the measured capacity.</summary>
    public const double Factor = 1.5;

    /// <summary>Enough to fill a queue of <see cref="FallbackQueueCapacity"/> plus a write batch and still meet 503s, without the client's own connections swamping 2 cores.</summary>
    public const int DefaultMaxInFlight = 2_000;

    /// <summary>Each request in flight holds a socket here and one in the engine; this keeps both well under a 20,000 file limit.</summary>
    public const int MaxMaxInFlight = 15_000;

    /// <summary>
    /// The queue the engine gets when its configured one is too large for the client to fill:
    /// at the ≈ 10,000 events/s a 2-core machine commits, 500 waiting events are ≈ 50 ms, the p99 target.
    /// </summary>
    public const int FallbackQueueCapacity = 500;

    /// <summary>The smallest Ingest:QueueCapacity the engine accepts.</summary>
    public const int MinQueueCapacity = 100;

    public static OverloadSettings Defaults(bool quick, bool enforce) => quick
        ? new(null, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), DefaultMaxInFlight, null, TimeSpan.FromSeconds(30), enforce)
        : new(null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), DefaultMaxInFlight, null, TimeSpan.FromMinutes(3), enforce);

    /// <summary>
    /// The engine answers 503 once Ingest:MaxConcurrentRequests requests are in progress, or once
    /// its queue and the batch being written are full, so the client must be able to hold more
    /// requests in flight than either. Use the queue asked for; else the engine's configured one if
    /// the client can reach one of the bounds; else a smaller queue, and say so.
    /// </summary>
    public static QueueChoice ChooseQueueCapacity(int? asked, int configured, int writeBatchSize, int maxConcurrentRequests, int maxInFlight)
    {
        if (asked is { } a)
        {
            return new(a, "set by --queue-capacity");
        }

        if (maxConcurrentRequests < maxInFlight)
        {
            return new(configured, $"the engine's configured value; past Ingest:MaxConcurrentRequests {Text.Count(maxConcurrentRequests)} it answers 503");
        }

        if (configured + writeBatchSize < maxInFlight)
        {
            return new(configured, "the engine's configured value");
        }

        return FallbackQueueCapacity + writeBatchSize < maxInFlight
            ? new(FallbackQueueCapacity, $"lowered from the configured {Text.Count(configured)} so that {Text.Count(maxInFlight)} requests in flight can fill it")
            : new(FallbackQueueCapacity, $"lowered from the configured {Text.Count(configured)}, yet {Text.Count(maxInFlight)} requests in flight cannot fill it: expect no 503");
    }
}

/// <summary>The Ingest:QueueCapacity the overloaded engine runs with, and why.</summary>
internal sealed record QueueChoice(int Capacity, string Reason);
