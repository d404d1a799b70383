using System.Buffers;
using System.Diagnostics;
using AlertEngine.Host.Endpoints;

namespace AlertEngine.Host.Commands.Bench.Storm;

/// <summary>
/// Sends a storm wave by wave, <c>concurrency</c> requests in flight, as Zabbix would: a 503 is
/// sent again after its Retry-After, a request without an answer after a second, up to
/// <see cref="MaxAttempts"/> times; any other answer is final. A wave starts once every delivery of
/// the one before was answered, so a late problem really reaches the engine after its recovery.
/// </summary>
internal sealed class StormSender(HttpClient client, LoadTarget target, StormPlan plan, int concurrency)
{
    /// <summary>Attempts per delivery before it is given up (Zabbix's media type allows up to 100, at an interval).</summary>
    public const int MaxAttempts = 20;

    private static readonly TimeSpan NoAnswerRetry = TimeSpan.FromSeconds(1);
    private readonly HttpClient _client = client;
    private readonly LoadTarget _target = target;
    private readonly StormPlan _plan = plan;
    private long _answered;

    /// <summary>Deliveries with a final answer (or given up) so far.</summary>
    public long Answered => Interlocked.Read(ref _answered);

    /// <summary>Sends every wave, for at most <paramref name="maxTime"/> (then the result is incomplete and says what was done).</summary>
    public async Task<StormSending> SendAsync(TimeSpan maxTime, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => new Worker(this)).ToArray();
        using var timeout = new CancellationTokenSource(maxTime, TimeProvider.System);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var started = Stopwatch.GetTimestamp();
        var complete = true;
        try
        {
            foreach (var wave in _plan.Waves())
            {
                var next = new WaveCursor(wave);
                await Task.WhenAll(workers.Select(w => Task.Run(() => w.RunAsync(next, linked.Token), linked.Token)));
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            complete = false;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var tally = new StormTally();
        foreach (var worker in workers)
        {
            tally.Add(worker.Tally);
        }

        return new StormSending(tally, elapsed, complete);
    }

    /// <summary>Hands out a wave's deliveries one at a time to the workers.</summary>
    private sealed class WaveCursor(StormDelivery[] wave)
    {
        private int _next = -1;

        public bool TryTake(out StormDelivery delivery)
        {
            var index = Interlocked.Increment(ref _next);
            delivery = index < wave.Length ? wave[index] : default;
            return index < wave.Length;
        }
    }

    /// <summary>One request loop; its body buffer and tally are its own.</summary>
    private sealed class Worker(StormSender sender)
    {
        private readonly ArrayBufferWriter<byte> _body = new(1024);

        public StormTally Tally { get; } = new();

        public async Task RunAsync(WaveCursor wave, CancellationToken cancellationToken)
        {
            while (wave.TryTake(out var delivery))
            {
                _body.ResetWrittenCount();
                StormBodies.Write(sender._plan, delivery, _body);
                await DeliverAsync(delivery, cancellationToken);
                Interlocked.Increment(ref sender._answered);
            }
        }

        private async Task DeliverAsync(StormDelivery delivery, CancellationToken cancellationToken)
        {
            var unanswered = false;
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var started = Stopwatch.GetTimestamp();
                var (status, retryAfter) = await SendOnceAsync(cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                switch (status)
                {
                    case 202 or 200:
                        Tally.Answered(delivery, status, unanswered, elapsed);
                        return;
                    case 503:
                        Tally.Busy++;
                        await Task.Delay(retryAfter ?? NoAnswerRetry, TimeProvider.System, cancellationToken);
                        continue;
                    case 0:
                        Tally.NoAnswer++;
                        unanswered = true;
                        await Task.Delay(NoAnswerRetry, TimeProvider.System, cancellationToken);
                        continue;
                    default:
                        Tally.Reject(delivery, status);
                        return;
                }
            }

            Tally.GiveUp(delivery);
        }

        private async Task<(int Status, TimeSpan? RetryAfter)> SendOnceAsync(CancellationToken cancellationToken)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, sender._target.EventsUri) { Content = new ReadOnlyMemoryContent(_body.WrittenMemory) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/json");
            request.Headers.TryAddWithoutValidation(ZabbixWebhookEndpoint.TokenHeader, sender._target.Token);
            try
            {
                using var response = await sender._client.SendAsync(request, cancellationToken);
                return ((int)response.StatusCode, response.Headers.RetryAfter?.Delta);
            }
            catch (HttpRequestException)
            {
                return (0, null);
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return (0, null);
            }
        }
    }
}

/// <summary>What sending did: the tally, how long from the first request to the last answer, and whether every wave was sent.</summary>
internal sealed record StormSending(StormTally Tally, TimeSpan Elapsed, bool Complete)
{
    public double EventsPerSecond => Elapsed > TimeSpan.Zero ? Tally.Delivered / Elapsed.TotalSeconds : double.NaN;
}
