using AlertEngine.Host.Commands.Bench;
using AlertEngine.Pipeline;

namespace AlertEngine.UnitTests.Host.Commands.Bench;

public sealed class WriterActivityTests
{
    [Fact]
    public void Between_TwoTotals_WhatTheWriterDidInTheRun()
    {
        var metrics = new EngineMetrics();
        metrics.InboxBatchCommitted(10, TimeSpan.FromMilliseconds(3));
        var before = metrics.InboxWriterTotals();
        metrics.InboxBatchCommitted(30, TimeSpan.FromMilliseconds(1));
        metrics.InboxBatchCommitted(50, TimeSpan.FromMilliseconds(2));
        metrics.InboxLogSynced(TimeSpan.FromMilliseconds(0.5));
        metrics.InboxLogSynced(TimeSpan.FromMilliseconds(1.5));
        metrics.InboxLogSynced(TimeSpan.FromMilliseconds(1));

        var writer = WriterActivity.Between(before, metrics.InboxWriterTotals(), TimeSpan.FromMilliseconds(12));

        Assert.Equal(2, writer.Batches);
        Assert.Equal(80, writer.Events);
        Assert.Equal(40.0, writer.EventsPerBatch, precision: 6);
        Assert.Equal(1.5, writer.MsPerBatch, precision: 6);
        Assert.Equal(0.25, writer.WritingShare, precision: 6);
        Assert.Equal(3, writer.LogSyncs);
        Assert.Equal(1.0, writer.MsPerLogSync, precision: 6);
        Assert.Equal(
            "writer: 2 group commits of 40.0 events on average, 1.50 ms each (write lock, insert, commit), writing 25.0 % of the run (warm-up included); 3 fsyncs of the log, 1.00 ms each",
            writer.ToString());
    }

    [Fact]
    public void Between_NoBatchCommitted_SaysSoWithoutDividingByZero()
    {
        var totals = new InboxWriterTotals(5, 100, TimeSpan.FromSeconds(1), 4, TimeSpan.FromSeconds(0.5));

        var writer = WriterActivity.Between(totals, totals, TimeSpan.FromSeconds(10));

        Assert.True(double.IsNaN(writer.EventsPerBatch));
        Assert.True(double.IsNaN(writer.MsPerBatch));
        Assert.True(double.IsNaN(writer.MsPerLogSync));
        Assert.Equal(0, writer.WritingShare);
        Assert.Equal("writer: no batch committed", writer.ToString());
    }
}
