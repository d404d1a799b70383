namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// How often a running engine's <c>/healthz</c> answered "unhealthy" while the benchmark read it,
/// and the last reason. An operator's monitor would see the same answers, so the report shows them.
/// </summary>
internal sealed class HealthTally
{
    private readonly Lock _lock = new();

    public long Count { get; private set; }

    public string? LastError { get; private set; }

    public void Add(string? error)
    {
        lock (_lock)
        {
            Count++;
            LastError = error ?? LastError;
        }
    }

    /// <summary>"" when every answer was healthy, else a sentence for the report.</summary>
    public override string ToString()
    {
        lock (_lock)
        {
            var times = Count == 1 ? "once" : $"{Text.Count(Count)} times";
            return Count == 0 ? "" : $"/healthz was not healthy {times} while loaded (last reason: {LastError ?? "none given"})";
        }
    }
}
