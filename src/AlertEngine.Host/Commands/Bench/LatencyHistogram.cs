using System.Numerics;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// Latencies in microseconds, HdrHistogram-style: exact below 128 µs, then 64 buckets per power
/// of two (under 1.6 % error). Fixed size, no allocation when recording, one per worker so the
/// hot path shares nothing; merged after the run.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int LinearBuckets = 128;
    private const int SubBuckets = 64;
    private const int SubBucketBits = 6;
    private const int FirstLogExponent = 7;
    private const int MaxExponent = 40;
    private const long MaxRecordable = (1L << MaxExponent) - 1;

    private readonly long[] _counts = new long[LinearBuckets + ((MaxExponent - FirstLogExponent) * SubBuckets)];

    public long Count { get; private set; }

    public long MaxMicroseconds { get; private set; }

    /// <summary>The largest latency recorded, in milliseconds; NaN when empty.</summary>
    public double MaxMs => Count == 0 ? double.NaN : MaxMicroseconds / 1000.0;

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Clamp(elapsed.Ticks / TimeSpan.TicksPerMicrosecond, 0, MaxRecordable);
        _counts[IndexOf(micros)]++;
        Count++;
        if (micros > MaxMicroseconds)
        {
            MaxMicroseconds = micros;
        }
    }

    public void Add(LatencyHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < _counts.Length; i++)
        {
            _counts[i] += other._counts[i];
        }

        Count += other.Count;
        MaxMicroseconds = Math.Max(MaxMicroseconds, other.MaxMicroseconds);
    }

    /// <summary>The latency in milliseconds that <paramref name="percent"/> % of requests stayed at or under (bucket's upper edge); NaN when empty.</summary>
    public double PercentileMs(double percent)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(percent / 100.0 * Count));
        long seen = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(UpperEdge(i), MaxMicroseconds) / 1000.0;
            }
        }

        return MaxMicroseconds / 1000.0;
    }

    private static int IndexOf(long micros)
    {
        if (micros < LinearBuckets)
        {
            return (int)micros;
        }

        var exponent = 63 - BitOperations.LeadingZeroCount((ulong)micros);
        var shift = exponent - SubBucketBits;
        var top = (int)(micros >> shift);
        return LinearBuckets + ((exponent - FirstLogExponent) * SubBuckets) + (top - SubBuckets);
    }

    private static long UpperEdge(int index)
    {
        if (index < LinearBuckets)
        {
            return index;
        }

        var exponent = ((index - LinearBuckets) / SubBuckets) + FirstLogExponent;
        var top = ((index - LinearBuckets) % SubBuckets) + SubBuckets;
        var shift = exponent - SubBucketBits;
        return ((long)(top + 1) << shift) - 1;
    }
}
