using Microsoft.Extensions.Options;

namespace AlertEngine.Ingest;

/// <summary>
/// How many webhook requests are being read, checked and stored at once, at most
/// Ingest:MaxConcurrentRequests. One more is turned away at once (503 with Retry-After, Zabbix
/// retries) before its body is read: past what the machine can absorb, waiting requests would only
/// make every answer slower and hold more memory, whereas a quick 503 costs almost nothing.
/// </summary>
public sealed class IntakeAdmission(IOptions<IngestOptions> options)
{
    private readonly int _limit = options.Value.MaxConcurrentRequests;
    private int _inProgress;

    /// <summary>Requests being read, checked and stored now.</summary>
    public int InProgress => Volatile.Read(ref _inProgress);

    /// <summary>A place for one more request, to dispose when it is answered; null when all are taken.</summary>
    public Slot? TryEnter()
    {
        if (Interlocked.Increment(ref _inProgress) > _limit)
        {
            Interlocked.Decrement(ref _inProgress);
            return null;
        }

        return new Slot(this);
    }

    /// <summary>One request's place; disposing it frees the place (once).</summary>
    public sealed class Slot(IntakeAdmission admission) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref admission._inProgress);
            }
        }
    }
}
