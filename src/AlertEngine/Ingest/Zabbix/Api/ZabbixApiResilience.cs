using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace AlertEngine.Ingest.Zabbix.Api;

/// <summary>
/// The Polly pipelines of one Zabbix server (Polly.Core). Reads: retry with jittered exponential
/// backoff → the server's circuit breaker → a timeout per attempt. Writes: the same breaker →
/// timeout, never a retry (the outbox retries writes and records an unknown outcome). Only
/// failures that a retry can help (unreachable, 5xx, timeout, -32603) are retried and counted
/// by the breaker; a JSON-RPC error means the server answered.
/// </summary>
internal sealed class ZabbixApiResilience
{
    /// <summary>The breaker opens when at least half of at least this many calls within <see cref="SamplingDuration"/> failed.</summary>
    public const int MinimumThroughput = 4;

    public const double FailureRatio = 0.5;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two read attempts, whatever the backoff says.</summary>
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private ZabbixApiResilience(ResiliencePipeline reads, ResiliencePipeline writes)
    {
        Reads = reads;
        Writes = writes;
    }

    public ResiliencePipeline Reads { get; }

    public ResiliencePipeline Writes { get; }

    /// <summary>Whether Polly retries, and the breaker counts, this failure.</summary>
    public static bool IsTransient(Exception exception) =>
        exception is TimeoutRejectedException or ZabbixApiException { Retryable: true };

    public static ZabbixApiResilience Create(string server, ZabbixApiOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var breaker = new ResiliencePipelineBuilder { Name = $"zabbix-api-{server}-breaker", TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                FailureRatio = FailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = options.BreakDuration,
            })
            .Build();

        // A call's timeout is real elapsed time (as for Twilio): a clock moved by a test, or stepped,
        // while a call is in flight must not time it out. Retries and the breaker count on the engine's clock.
        var timeout = new ResiliencePipelineBuilder { Name = $"zabbix-api-{server}-timeout", TimeProvider = TimeProvider.System }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.Timeout })
            .Build();

        var reads = new ResiliencePipelineBuilder { Name = $"zabbix-api-{server}-reads", TimeProvider = time };
        if (options.ReadRetries > 0)
        {
            reads.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                MaxRetryAttempts = options.ReadRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.RetryDelay > MaxRetryDelay ? options.RetryDelay : MaxRetryDelay,
            });
        }

        reads.AddPipeline(breaker).AddPipeline(timeout);

        var writes = new ResiliencePipelineBuilder { Name = $"zabbix-api-{server}-writes", TimeProvider = time }
            .AddPipeline(breaker)
            .AddPipeline(timeout);

        return new ZabbixApiResilience(reads.Build(), writes.Build());
    }
}
