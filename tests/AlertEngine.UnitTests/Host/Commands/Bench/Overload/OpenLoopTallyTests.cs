using AlertEngine.Host.Commands.Bench;
using AlertEngine.Host.Commands.Bench.Overload;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Overload;

public sealed class OpenLoopTallyTests
{
    [Fact]
    public void Snapshot_MixedAnswers_CountsEachKindAndTimesOnlyThe2xx()
    {
        var tally = new OpenLoopTally();
        tally.Sent();
        tally.Sent();
        tally.Sent();
        tally.Sent();
        tally.Skip();

        tally.Record(new CallOutcome(202, RetryAfter: false, Failed: false, TimedOut: false), TimeSpan.FromMilliseconds(3));
        tally.Record(new CallOutcome(503, RetryAfter: true, Failed: false, TimedOut: false), TimeSpan.FromMilliseconds(900));
        tally.Record(new CallOutcome(503, RetryAfter: false, Failed: false, TimedOut: false), TimeSpan.FromMilliseconds(900));
        tally.Record(new CallOutcome(0, RetryAfter: false, Failed: true, TimedOut: false), TimeSpan.FromMilliseconds(900));
        var phase = tally.Snapshot();

        Assert.Equal(5, phase.Offered);
        Assert.Equal(1, phase.Skipped);
        Assert.Equal(1, phase.Answers.Success);
        Assert.Equal(2, phase.Status503);
        Assert.Equal(1, phase.Answers.Busy);
        Assert.Equal(1, phase.Answers.Unexpected);
        Assert.Equal(1, phase.NoAnswer);
        Assert.Equal(1, phase.Latency.Count);
        Assert.Equal(3.0, phase.Latency.PercentileMs(99));
    }
}
