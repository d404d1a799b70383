using AlertEngine.Host.Commands.Bench;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

public sealed class LatencyHistogramTests
{
    [Fact]
    public void MaxMs_Empty_IsNaNSoThatNoFigureIsPrinted()
    {
        Assert.True(double.IsNaN(new LatencyHistogram().MaxMs));
    }

    [Fact]
    public void MaxMs_Recorded_IsTheLargestInMilliseconds()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(TimeSpan.FromMicroseconds(750));
        histogram.Record(TimeSpan.FromMilliseconds(12.5));
        histogram.Record(TimeSpan.FromMilliseconds(3));

        Assert.Equal(12.5, histogram.MaxMs);
    }
}
