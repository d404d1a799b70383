using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// One of a run's N request loops: sends one webhook call at a time until the run stops, and
/// keeps its own tallies and latency histogram, so the hot path takes no lock.
/// </summary>
internal sealed class LoadWorker(HttpClient client, LoadTarget target, EventBodies bodies, RunState state)
{
    private readonly byte[] _body = new byte[EventBodies.MaxBytes];

    public StatusTally Warmup { get; } = new();

    public StatusTally Measured { get; } = new();

    /// <summary>Latency of the measured 2xx answers.</summary>
    public LatencyHistogram Latency { get; } = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var phase = state.Phase;
            if (phase == RunPhase.Stopped || (phase == RunPhase.Measuring && !state.TryTakeMeasured()))
            {
                return;
            }

            var tally = phase == RunPhase.Measuring ? Measured : Warmup;
            var length = bodies.Write(_body);
            var started = Stopwatch.GetTimestamp();
            var outcome = await WebhookCall.SendAsync(client, target, _body, length, cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(started);
            tally.Record(outcome);
            if (phase == RunPhase.Measuring && outcome.IsSuccess)
            {
                Latency.Record(elapsed);
            }
        }
    }
}
