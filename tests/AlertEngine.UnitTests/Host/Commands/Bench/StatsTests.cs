using AlertEngine.Host.Commands.Bench;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

public sealed class StatsTests
{
    [Theory]
    [InlineData(new[] { 900.0, 300.0, 500.0 }, 500.0)]
    [InlineData(new[] { 400.0, 100.0, 300.0, 200.0 }, 250.0)]
    [InlineData(new[] { 42.0 }, 42.0)]
    public void Median_FewRuns_MiddleValue(double[] values, double median)
    {
        Assert.Equal(median, Stats.Median(values));
    }

    [Fact]
    public void Median_NoRuns_NaN()
    {
        Assert.True(double.IsNaN(Stats.Median([])));
    }
}
