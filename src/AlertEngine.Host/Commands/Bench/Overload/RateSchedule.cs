namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>
/// When each request of a fixed-rate (open-loop) run is due: request <c>i</c> at <c>i / rate</c>
/// seconds after the start, whatever happened to the ones before — the way independent senders
/// (many Zabbix servers, a storm) keep sending while the engine is slow.
/// </summary>
internal readonly record struct RateSchedule
{
    public RateSchedule(double perSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(perSecond);
        if (!double.IsFinite(perSecond))
        {
            throw new ArgumentOutOfRangeException(nameof(perSecond), perSecond, "the rate must be a finite number of requests per second");
        }

        PerSecond = perSecond;
    }

    /// <summary>Requests per second.</summary>
    public double PerSecond { get; }

    /// <summary>When request <paramref name="index"/> (from 0) is due, from the start.</summary>
    /// <remarks>Multiplies before dividing, so that a request at a whole second is due exactly then (it belongs to the phase that starts there).</remarks>
    public TimeSpan DueAt(long index) => TimeSpan.FromTicks((long)Math.Round(index * (double)TimeSpan.TicksPerSecond / PerSecond));

    /// <summary>How many requests are due at or before <paramref name="elapsed"/> (request 0 is due at once).</summary>
    public long DueBy(TimeSpan elapsed) => elapsed < TimeSpan.Zero ? 0 : (long)Math.Floor(elapsed.TotalSeconds * PerSecond) + 1;

    /// <summary>How many requests fall in the first <paramref name="span"/> of the run (those due strictly before its end).</summary>
    public long CountWithin(TimeSpan span) => span <= TimeSpan.Zero ? 0 : (long)Math.Ceiling(span.TotalSeconds * PerSecond);
}
