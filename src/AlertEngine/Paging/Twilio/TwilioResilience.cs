using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AlertEngine.Paging.Twilio;

/// <summary>
/// The Polly pipeline around every Twilio request (Polly.Core): the circuit breaker, then a timeout
/// (<c>Twilio:RequestTimeout</c>). No retry: the outbox retries sends and records an unknown outcome
/// apart from a failure (STYLE §8). The breaker counts only what <see cref="TwilioErrorClassifier.IsTransient"/>
/// says is Twilio failing, never a refused number.
/// </summary>
internal static class TwilioResilience
{
    /// <summary>The breaker opens only after at least this many requests within <see cref="SamplingDuration"/>.</summary>
    public const int MinimumThroughput = 4;

    public static readonly TimeSpan SamplingDuration = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The breaker counts on the engine's clock (<paramref name="time"/>); the request timeout on the
    /// real one: it measures how long a network call takes, and must not fire because a test moved
    /// the engine's clock by hours while a request was in flight (which made paging tests flaky).
    /// </summary>
    public static ResiliencePipeline Create(TwilioOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = new ResiliencePipelineBuilder { Name = "twilio-timeout", TimeProvider = TimeProvider.System }
            .AddTimeout(new TimeoutStrategyOptions { Timeout = options.RequestTimeout })
            .Build();
        return new ResiliencePipelineBuilder { Name = "twilio", TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<Exception>(TwilioErrorClassifier.IsTransient),
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = MinimumThroughput,
                SamplingDuration = SamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddPipeline(timeout)
            .Build();
    }
}
