namespace AlertEngine.Host.Commands.Bench.Overload;

/// <summary>
/// The answers to one phase (warm-up or measurement) of a fixed-rate run. Its requests run
/// concurrently, so recording takes a lock (held for a few counter updates; at tens of
/// thousands of answers a second it is not the bottleneck). Sends and skips are counted by the
/// scheduler alone.
/// </summary>
internal sealed class OpenLoopTally
{
    private readonly Lock _lock = new();
    private readonly StatusTally _answers = new();
    private readonly LatencyHistogram _latency = new();
    private long _sent;
    private long _skipped;

    /// <summary>A request was sent on schedule.</summary>
    public void Sent() => Interlocked.Increment(ref _sent);

    /// <summary>A request fell due while the client's in-flight bound was reached: it was not sent.</summary>
    public void Skip() => Interlocked.Increment(ref _skipped);

    /// <summary>Counts an answer; a 2xx's latency runs from when the request was due, not from when it was sent.</summary>
    public void Record(CallOutcome outcome, TimeSpan sinceDue)
    {
        lock (_lock)
        {
            _answers.Record(outcome);
            if (outcome.IsSuccess)
            {
                _latency.Record(sinceDue);
            }
        }
    }

    public OpenLoopPhase Snapshot()
    {
        lock (_lock)
        {
            var answers = new StatusTally();
            answers.Add(_answers);
            var latency = new LatencyHistogram();
            latency.Add(_latency);
            return new OpenLoopPhase(Interlocked.Read(ref _sent), Interlocked.Read(ref _skipped), answers, latency);
        }
    }
}

/// <summary>One phase of a fixed-rate run, counted.</summary>
/// <param name="Sent">Requests sent on schedule.</param>
/// <param name="Skipped">Requests due while the client's in-flight bound was reached, not sent.</param>
/// <param name="Answers">What the sent requests got.</param>
/// <param name="Latency">Of the 2xx answers, from when each request was due.</param>
internal sealed record OpenLoopPhase(long Sent, long Skipped, StatusTally Answers, LatencyHistogram Latency)
{
    /// <summary>Requests the schedule offered: sent or not.</summary>
    public long Offered => Sent + Skipped;

    public long Status503 => Answers.CountOf(503);

    /// <summary>Requests that ended without an HTTP answer (reset, refused, timed out).</summary>
    public long NoAnswer => Answers.Failed + Answers.TimedOut;
}
