namespace AlertEngine.Host.Commands.Bench;

/// <summary>What one target answered at one concurrency.</summary>
/// <param name="Target">bare or engine.</param>
/// <param name="Concurrency">Requests in flight.</param>
/// <param name="Elapsed">From the start of the measurement to the last measured answer.</param>
/// <param name="Warmup">Answers to the requests sent while warming up (they still count as stored events).</param>
/// <param name="Measured">Answers to the requests sent while measuring.</param>
/// <param name="Latency">Latency of the measured 2xx answers.</param>
internal sealed record RunResult(string Target, int Concurrency, TimeSpan Elapsed, StatusTally Warmup, StatusTally Measured, LatencyHistogram Latency)
{
    /// <summary>For engine runs: the pipeline's backlog when the run ended, and how long it took to work it off.</summary>
    public PipelineDrain? Pipeline { get; init; }

    /// <summary>For engine runs: what the inbox writer did over the run, warm-up included.</summary>
    public WriterActivity? Writer { get; init; }

    /// <summary>CPU and garbage collections of the whole process (client and both servers) while measuring.</summary>
    public ResourceUsage? Usage { get; init; }

    /// <summary>Measured 2xx answers per second.</summary>
    public double RequestsPerSecond => Elapsed > TimeSpan.Zero ? Measured.Success / Elapsed.TotalSeconds : 0;

    public double P50Ms => Latency.PercentileMs(50);

    public double P99Ms => Latency.PercentileMs(99);

    /// <summary>2xx answers in both phases: what the engine must have stored.</summary>
    public long Answered2xx => Warmup.Success + Measured.Success;

    /// <summary>The table's errors cell: 0, or the total with what it is made of.</summary>
    public string ErrorCell
    {
        get
        {
            var m = Measured;
            if (m.Errors == 0)
            {
                return "0";
            }

            var parts = new List<string>();
            if (m.Busy > 0)
            {
                parts.Add($"503 busy {Text.Count(m.Busy)}");
            }

            parts.AddRange(m.NonSuccessByStatus()
                .Select(s => (s.Status, Count: s.Status == 503 ? s.Count - m.Busy : s.Count))
                .Where(s => s.Count > 0)
                .Select(s => $"{s.Status} ×{Text.Count(s.Count)}"));
            if (m.Failed > 0)
            {
                parts.Add($"no answer {Text.Count(m.Failed)}");
            }

            if (m.TimedOut > 0)
            {
                parts.Add($"timed out {Text.Count(m.TimedOut)}");
            }

            return $"{Text.Count(m.Errors)} ({string.Join(", ", parts)})";
        }
    }

    public static RunResult Merge(string target, int concurrency, TimeSpan elapsed, IReadOnlyList<LoadWorker> workers)
    {
        var warmup = new StatusTally();
        var measured = new StatusTally();
        var latency = new LatencyHistogram();
        foreach (var worker in workers)
        {
            warmup.Add(worker.Warmup);
            measured.Add(worker.Measured);
            latency.Add(worker.Latency);
        }

        return new RunResult(target, concurrency, elapsed, warmup, measured, latency);
    }
}

/// <summary>The engine's inbox backlog after a run and the time the pipeline took to process it with no load.</summary>
internal sealed record PipelineDrain(long Backlog, TimeSpan Elapsed, long Left)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? (Backlog - Left) / Elapsed.TotalSeconds : 0;

    /// <summary>" (≈ N ev/s)" once the drain took long enough for the 200 ms polling not to dominate the rate.</summary>
    public string RateNote => Elapsed >= TimeSpan.FromSeconds(2) ? $" (≈ {Text.Rate(EventsPerSecond)} ev/s)" : "";
}
