using System.Diagnostics;
using AlertEngine.Host.Endpoints;

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
            // The content wraps the worker's buffer without copying; the next body is written only after this answer.
            using var request = new HttpRequestMessage(HttpMethod.Post, target.EventsUri) { Content = new ByteArrayContent(_body, 0, length) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation(ZabbixWebhookEndpoint.TokenHeader, target.Token);

            var started = Stopwatch.GetTimestamp();
            try
            {
                // Completes once the whole answer body is read, like a webhook sender that waits for the reply.
                using var response = await client.SendAsync(request, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                var status = (int)response.StatusCode;
                tally.Answered(status, response.Headers.RetryAfter is not null);
                if (phase == RunPhase.Measuring && status is >= 200 and < 300)
                {
                    Latency.Record(elapsed);
                }
            }
            catch (HttpRequestException)
            {
                tally.Fail();
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                tally.TimeOut();
            }
        }
    }
}
