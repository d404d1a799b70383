using System.Globalization;

namespace AlertEngine.Outbox;

/// <summary>What to do with a row after a retryable failure: wait <see cref="Delay"/>, or give up.</summary>
public sealed record RetryDecision(bool GiveUp, TimeSpan Delay, string Reason);

/// <summary>
/// The pure retry decision (no I/O): after attempt <c>n</c> failed retryably, wait
/// <c>RetryBackoff × 2^(n-1)</c>, at most <c>MaxBackoff</c>; after <c>MaxAttempts</c> attempts, give up.
/// </summary>
public static class OutboxRetry
{
    public static RetryDecision Decide(int attempts, OutboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (attempts >= options.MaxAttempts)
        {
            return new RetryDecision(true, TimeSpan.Zero, $"gave up after {Count(attempts)} attempts");
        }

        var delay = Backoff(attempts, options.RetryBackoff, options.MaxBackoff);
        return new RetryDecision(false, delay, $"will retry in {Format(delay)}");
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt (1 = the first).</summary>
    public static TimeSpan Backoff(int attempts, TimeSpan first, TimeSpan max)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 30);
        var ticks = first.Ticks * Math.Pow(2, doublings);
        return ticks >= max.Ticks ? max : TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>A wait in words: "20 s", "2 min 40 s", "10 min", "1 h 5 min".</summary>
    public static string Format(TimeSpan delay)
    {
        var parts = new List<string>();
        if (delay.Days * 24 + delay.Hours > 0)
        {
            parts.Add($"{Count((delay.Days * 24) + delay.Hours)} h");
        }

        if (delay.Minutes > 0)
        {
            parts.Add($"{Count(delay.Minutes)} min");
        }

        if (delay.Seconds > 0 || parts.Count == 0)
        {
            parts.Add($"{Count(delay.Seconds)} s");
        }

        return string.Join(' ', parts);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
