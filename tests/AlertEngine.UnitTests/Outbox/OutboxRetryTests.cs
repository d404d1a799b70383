using AlertEngine.Outbox;

namespace AlertEngine.UnitTests.Outbox;

/// <summary>The retry decision after a retryable failure: doubling backoff from RetryBackoff up to MaxBackoff, then give up at MaxAttempts.</summary>
public sealed class OutboxRetryTests
{
    private static readonly OutboxOptions Defaults = new();

    // rule, attempts made, seconds to wait
    public static TheoryData<string, int, int> Waits => new()
    {
        { "first failure waits RetryBackoff", 1, 10 },
        { "second doubles", 2, 20 },
        { "third doubles again", 3, 40 },
        { "seventh reaches 640 s, capped at MaxBackoff", 7, 600 },
        { "ninth stays at the cap", 9, 600 },
    };

    [Theory]
    [MemberData(nameof(Waits))]
    public void Decide_RetryableFailureBeforeMaxAttempts_WaitsDoublingBackoff(string rule, int attempts, int seconds)
    {
        var decision = OutboxRetry.Decide(attempts, Defaults);

        Assert.False(decision.GiveUp, rule);
        Assert.True(TimeSpan.FromSeconds(seconds) == decision.Delay, $"{rule}: {decision.Delay}");
    }

    [Fact]
    public void Decide_TenthAttemptFailed_GivesUpSayingHowMany()
    {
        var decision = OutboxRetry.Decide(10, Defaults);

        Assert.True(decision.GiveUp);
        Assert.Equal("gave up after 10 attempts", decision.Reason);
    }

    [Fact]
    public void Decide_SecondAttemptFailed_ReasonSaysWhenTheNextIs()
    {
        Assert.Equal("will retry in 20 s", OutboxRetry.Decide(2, Defaults).Reason);
    }

    [Fact]
    public void Decide_OneAttemptAllowed_GivesUpAtOnce()
    {
        Assert.True(OutboxRetry.Decide(1, new OutboxOptions { MaxAttempts = 1 }).GiveUp);
    }

    [Theory]
    [InlineData(20, "20 s")]
    [InlineData(160, "2 min 40 s")]
    [InlineData(600, "10 min")]
    [InlineData(3900, "1 h 5 min")]
    [InlineData(0, "0 s")]
    public void Format_Seconds_ReadsInWords(int seconds, string text)
    {
        Assert.Equal(text, OutboxRetry.Format(TimeSpan.FromSeconds(seconds)));
    }
}
