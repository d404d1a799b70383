using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Posts webhook bodies to an <see cref="EngineProcess"/>, many in flight, and remembers for each
/// event whether it was ever sent and whether it ever got a 2xx (then it must be stored). A round
/// can end with the engine killed: after a number of 2xx answers, or a delay after the last answer.
/// </summary>
internal sealed class WebhookStorm(IReadOnlyList<string> bodies, int inFlight)
{
    private readonly int[] _attempts = new int[bodies.Count];
    private readonly bool[] _acknowledged = new bool[bodies.Count];

    /// <summary>True once the event's request was started (it may have reached the engine).</summary>
    public bool WasSent(int index) => Volatile.Read(ref _attempts[index]) > 0;

    /// <summary>True once the event got a 2xx: the engine said it is on disk.</summary>
    public bool WasAcknowledged(int index) => Volatile.Read(ref _acknowledged[index]);

    /// <summary>
    /// Sends <paramref name="events"/> (indexes into the bodies) with up to <c>inFlight</c>
    /// requests at once. With a <paramref name="kill"/>, kills the engine with SIGKILL at its moment
    /// and stops sending; events not sent by then come back in <see cref="StormRound.NotStored"/>.
    /// </summary>
    public async Task<StormRound> RunAsync(EngineProcess engine, IReadOnlyList<int> events, StormKill? kill, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var queue = new ConcurrentQueue<int>(events);
        var round = new RoundState(kill?.AfterAnswers ?? int.MaxValue);
        using var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = inFlight,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };

        var workers = Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(() => WorkAsync(client, engine.EventsUri, queue, round, cancellationToken), cancellationToken)));
        var killed = false;
        if (kill is not null)
        {
            if (await Task.WhenAny(round.KillNow.Task, workers) == workers)
            {
                await Task.Delay(kill.AfterLastAnswer, TimeProvider.System, cancellationToken);
            }

            round.Stop();
            killed = await engine.KillAsync(cancellationToken);
        }

        await workers;
        foreach (var index in queue)
        {
            round.NotStored.Add(index);
        }

        return new StormRound(kill is null || killed, round.Answered, round.Duplicates, [.. round.Unanswered], [.. round.NotStored], [.. round.Unexpected]);
    }

    private async Task WorkAsync(HttpClient client, Uri events, ConcurrentQueue<int> queue, RoundState round, CancellationToken cancellationToken)
    {
        while (!round.Stopping && queue.TryDequeue(out var index))
        {
            Interlocked.Increment(ref _attempts[index]);
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, events) { Content = new StringContent(bodies[index], Encoding.UTF8, "application/json") };
                request.Headers.Add("X-AlertEngine-Token", EngineProcess.Secret);
                using var response = await client.SendAsync(request, cancellationToken);
                switch (response.StatusCode)
                {
                    case HttpStatusCode.Accepted or HttpStatusCode.OK:
                        Volatile.Write(ref _acknowledged[index], true);
                        round.Acknowledged(duplicate: response.StatusCode == HttpStatusCode.OK);
                        break;
                    case HttpStatusCode.ServiceUnavailable:
                        // The engine says it did not store the event: Zabbix would send it again.
                        round.NotStored.Add(index);
                        break;
                    default:
                        round.Unexpected.Add($"event #{index}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
                        break;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // No answer: the engine died with the request in flight (or never read it). Maybe stored.
                round.Unanswered.Add(index);
                if (!round.Stopping)
                {
                    round.Unexpected.Add($"event #{index}: no answer while the engine should be running: {ex.GetType().Name}: {ex.Message}");
                }
            }
        }
    }

    /// <summary>What one round shares between its workers.</summary>
    private sealed class RoundState(int killAfterAnswers)
    {
        private int _answered;
        private int _duplicates;
        private int _stopping;

        public TaskCompletionSource KillNow { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ConcurrentBag<int> Unanswered { get; } = [];

        public ConcurrentBag<int> NotStored { get; } = [];

        public ConcurrentBag<string> Unexpected { get; } = [];

        public int Answered => Volatile.Read(ref _answered);

        public int Duplicates => Volatile.Read(ref _duplicates);

        public bool Stopping => Volatile.Read(ref _stopping) == 1;

        public void Stop() => Volatile.Write(ref _stopping, 1);

        public void Acknowledged(bool duplicate)
        {
            if (duplicate)
            {
                Interlocked.Increment(ref _duplicates);
            }

            if (Interlocked.Increment(ref _answered) == killAfterAnswers)
            {
                KillNow.TrySetResult();
            }
        }
    }
}

/// <summary>When a storm round kills the engine: once this many 2xx answers came back, or this long after the last answer.</summary>
internal sealed record StormKill(int AfterAnswers, TimeSpan AfterLastAnswer);

/// <summary>
/// What a round did. <paramref name="Killed"/> is false only when a kill was asked for and the
/// engine had already exited by itself. <paramref name="Unanswered"/> events may or may not be
/// stored; <paramref name="NotStored"/> ones (never sent, or 503) are certainly not.
/// </summary>
internal sealed record StormRound(bool Killed, int Answered, int Duplicates, IReadOnlyList<int> Unanswered, IReadOnlyList<int> NotStored, IReadOnlyList<string> Unexpected);
