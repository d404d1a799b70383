using AlertEngine.Host.Commands.Bench.Paging;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Paging;

public sealed class PagingPhaseTests
{
    [Fact]
    public void Phase_SmsBeforeThe2xx_CountedApartAndAsZeroFromThe2xx_TheRequestFigureKeepsTheWholeWait()
    {
        var phase = new PagingPhase("idle", [
            Outcome(0, fromAnswerMs: -0.4, fromRequestMs: 0.9),
            Outcome(1, fromAnswerMs: 2.0, fromRequestMs: 3.0),
            Outcome(2, fromAnswerMs: 5.0, fromRequestMs: 6.0),
            Outcome(3, fromAnswerMs: 40.0, fromRequestMs: 41.0, warmup: true),
        ], SmsTotal: 4, CallsTotal: 4);

        Assert.Equal(1, phase.SmsBeforeAnswer);
        Assert.Equal(3, phase.Latency.Count);
        Assert.Equal(0, phase.Latency.PercentileMs(1));
        Assert.Equal(3, phase.FromRequest.Count);
        Assert.InRange(phase.FromRequest.PercentileMs(1), 0.9, 0.92); // a bucket's upper edge
        Assert.Equal(6.0, phase.FromRequest.MaxMs, precision: 3);
        Assert.Equal(1, phase.Cold.Count);
    }

    private static DisasterOutcome Outcome(int index, double fromAnswerMs, double fromRequestMs, bool warmup = false) => new(
        new DisasterSent(index, $"{80_000 + index}", $"{90_000 + index}", AnsweredAt: 1, RequestedAt: 0, Attempts: 1, Failure: null, Warmup: warmup),
        $"{1001 + index}",
        Level: 1,
        Sms: 1,
        TimeSpan.FromMilliseconds(fromAnswerMs),
        TimeSpan.FromMilliseconds(fromRequestMs));
}
