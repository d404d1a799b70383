using AlertEngine.Host.Commands.Bench.Overload;

namespace AlertEngine.UnitTests.Host.Commands.Bench.Overload;

public sealed class RateScheduleTests
{
    [Fact]
    public void DueAt_1000PerSecond_OneMillisecondApart()
    {
        var schedule = new RateSchedule(1000);

        Assert.Equal(TimeSpan.Zero, schedule.DueAt(0));
        Assert.Equal(TimeSpan.FromMilliseconds(1), schedule.DueAt(1));
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.DueAt(1000));
    }

    [Fact]
    public void DueBy_Start_FirstRequestIsDueAtOnce()
    {
        var schedule = new RateSchedule(1000);

        Assert.Equal(0, schedule.DueBy(TimeSpan.FromTicks(-1)));
        Assert.Equal(1, schedule.DueBy(TimeSpan.Zero));
        Assert.Equal(1, schedule.DueBy(TimeSpan.FromMicroseconds(999)));
        Assert.Equal(2, schedule.DueBy(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void DueBy_EarlierAnswersIgnored_GrowsWithTimeOnly()
    {
        // Open loop: what is due depends on the clock alone, so a stalled engine meets the full rate.
        var schedule = new RateSchedule(250);

        Assert.Equal(251, schedule.DueBy(TimeSpan.FromSeconds(1)));
        Assert.Equal(2501, schedule.DueBy(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void CountWithin_WarmupThenMeasurement_MeasuredWindowHoldsRateTimesDuration()
    {
        var schedule = new RateSchedule(13_967);
        var warmup = TimeSpan.FromSeconds(5);
        var measured = TimeSpan.FromSeconds(10);

        var inWarmup = schedule.CountWithin(warmup);
        var inMeasurement = schedule.CountWithin(warmup + measured) - inWarmup;

        Assert.Equal(69_835, inWarmup);
        Assert.Equal(139_670, inMeasurement);
        Assert.True(schedule.DueAt(inWarmup - 1) < warmup);
        Assert.True(schedule.DueAt(inWarmup) >= warmup);
    }

    [Fact]
    public void CountWithin_FractionalRate_CountsEveryRequestDueBeforeTheEnd()
    {
        var schedule = new RateSchedule(1.5);

        // Due at 0, 0.667 s, 1.333 s: three fall within the first 2 s (the fourth is due at 2 s exactly).
        Assert.Equal(3, schedule.CountWithin(TimeSpan.FromSeconds(2)));
        Assert.Equal(0, schedule.CountWithin(TimeSpan.Zero));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void New_RateNotPositiveAndFinite_Throws(double rate)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RateSchedule(rate));
    }
}
