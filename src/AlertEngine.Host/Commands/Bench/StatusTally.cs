namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// What the answers of one phase (warm-up or measurement) were: a count per HTTP status, the
/// 503s that carried Retry-After (the engine's "busy"), and requests that got no answer.
/// One per worker and phase, so counting needs no lock; merged after the run.
/// </summary>
internal sealed class StatusTally
{
    private const int StatusLimit = 600;
    private readonly long[] _byStatus = new long[StatusLimit];

    /// <summary>503 answers with a Retry-After header: the intake queue was full.</summary>
    public long Busy { get; private set; }

    /// <summary>Requests that failed without an HTTP answer (connection refused or reset, protocol error).</summary>
    public long Failed { get; private set; }

    /// <summary>Requests that got no answer within the client's timeout.</summary>
    public long TimedOut { get; private set; }

    public long Success => Sum(200, 300);

    /// <summary>Non-2xx answers, including <see cref="Busy"/>.</summary>
    public long NonSuccess => Sum(0, StatusLimit) - Success;

    /// <summary>Non-2xx answers that are not "busy": a broken contract or an engine fault.</summary>
    public long Unexpected => NonSuccess - Busy;

    public long Errors => NonSuccess + Failed + TimedOut;

    /// <summary>Answers with this status.</summary>
    public long CountOf(int status) => status is >= 0 and < StatusLimit ? _byStatus[status] : 0;

    /// <summary>Status codes and counts outside 2xx, for the report.</summary>
    public IEnumerable<(int Status, long Count)> NonSuccessByStatus()
    {
        for (var status = 0; status < StatusLimit; status++)
        {
            if (status is < 200 or >= 300 && _byStatus[status] > 0)
            {
                yield return (status, _byStatus[status]);
            }
        }
    }

    public void Answered(int status, bool retryAfter)
    {
        _byStatus[Math.Clamp(status, 0, StatusLimit - 1)]++;
        if (status == 503 && retryAfter)
        {
            Busy++;
        }
    }

    /// <summary>Counts one call's outcome: its status, or that it got no answer.</summary>
    public void Record(CallOutcome outcome)
    {
        if (outcome.Failed)
        {
            Fail();
        }
        else if (outcome.TimedOut)
        {
            TimeOut();
        }
        else
        {
            Answered(outcome.Status, outcome.RetryAfter);
        }
    }

    public void Fail() => Failed++;

    public void TimeOut() => TimedOut++;

    public void Add(StatusTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (var i = 0; i < StatusLimit; i++)
        {
            _byStatus[i] += other._byStatus[i];
        }

        Busy += other.Busy;
        Failed += other.Failed;
        TimedOut += other.TimedOut;
    }

    private long Sum(int from, int to)
    {
        long sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += _byStatus[i];
        }

        return sum;
    }
}
