namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// How the engine answered a storm's deliveries: 202 (stored now), 200 (a duplicate), 503 (busy,
/// sent again), no answer (sent again), anything else (final), and the latency of the 2xx answers.
/// One per worker, so counting takes no lock; merged after the run.
/// </summary>
internal sealed class StormTally
{
    private const int KeptExamples = 10;

    /// <summary>202 answers: the delivery was new and is stored.</summary>
    public long Accepted { get; private set; }

    /// <summary>200 answers: the engine already had the delivery.</summary>
    public long Duplicates { get; private set; }

    /// <summary>503 answers, each followed by another attempt.</summary>
    public long Busy { get; set; }

    /// <summary>Attempts that got no HTTP answer (reset, time-out), each followed by another.</summary>
    public long NoAnswer { get; set; }

    /// <summary>Deliveries answered neither 2xx nor 503: the body or the engine is wrong.</summary>
    public long Rejected { get; private set; }

    /// <summary>Deliveries still not answered 2xx after every attempt.</summary>
    public long GaveUp { get; private set; }

    /// <summary>A first delivery answered 200 although no earlier attempt of it went unanswered: the engine had it from nowhere.</summary>
    public long UnexpectedDuplicates { get; private set; }

    /// <summary>A redelivery answered 202: the engine stored a delivery it already had.</summary>
    public long UnexpectedAccepts { get; private set; }

    public LatencyHistogram Latency { get; } = new();

    public List<string> Examples { get; } = [];

    /// <summary>Deliveries answered 2xx.</summary>
    public long Delivered => Accepted + Duplicates;

    public void Answered(StormDelivery delivery, int status, bool earlierAttemptUnanswered, TimeSpan elapsed)
    {
        Latency.Record(elapsed);
        if (status == 202)
        {
            Accepted++;
            if (delivery.Redelivery)
            {
                UnexpectedAccepts++;
                Keep($"redelivery of {Describe(delivery)} answered 202 (stored again)");
            }
        }
        else
        {
            Duplicates++;
            if (!delivery.Redelivery && !earlierAttemptUnanswered)
            {
                UnexpectedDuplicates++;
                Keep($"first delivery of {Describe(delivery)} answered 200 (duplicate)");
            }
        }
    }

    public void Reject(StormDelivery delivery, int status)
    {
        Rejected++;
        Keep($"{Describe(delivery)} answered {status}");
    }

    public void GiveUp(StormDelivery delivery)
    {
        GaveUp++;
        Keep($"{Describe(delivery)}: no 2xx after {StormSender.MaxAttempts} attempts");
    }

    public void Add(StormTally other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Accepted += other.Accepted;
        Duplicates += other.Duplicates;
        Busy += other.Busy;
        NoAnswer += other.NoAnswer;
        Rejected += other.Rejected;
        GaveUp += other.GaveUp;
        UnexpectedDuplicates += other.UnexpectedDuplicates;
        UnexpectedAccepts += other.UnexpectedAccepts;
        Latency.Add(other.Latency);
        Examples.AddRange(other.Examples.Take(KeptExamples - Examples.Count));
    }

    private static string Describe(StormDelivery d) => $"key #{d.Trigger} {d.Kind.ToString().ToLowerInvariant()}{(d.Kind == StormDeliveryKind.Comment ? $" {d.Number + 1}" : "")}";

    private void Keep(string example)
    {
        if (Examples.Count < KeptExamples)
        {
            Examples.Add(example);
        }
    }
}
