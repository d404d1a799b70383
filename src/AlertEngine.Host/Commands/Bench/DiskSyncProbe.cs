using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// How long this disk takes to make a small write durable: a 4 KiB write into a file in the
/// benchmark's database folder, then an fsync, again and again with a pause between (as an idle
/// engine's commits come). Every page waits for one such fsync (the page sender's FULL commit), so
/// its tail is printed next to the paging figures: a tail the disk has, no engine change removes.
/// </summary>
internal static class DiskSyncProbe
{
    public const int Samples = 100;
    public static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(25);

    public static async Task<LatencyHistogram> MeasureAsync(string folder, CancellationToken cancellationToken)
    {
        var histogram = new LatencyHistogram();
        var path = Path.Combine(folder, "fsync-probe.bin");
        var block = new byte[4096];
        try
        {
            await using var file = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            file.SetLength(block.Length * 64L);
            file.Flush(flushToDisk: true);
            for (var i = 0; i < Samples; i++)
            {
                // Overwrite blocks in place, as SQLite reuses its write-ahead log after a checkpoint.
                RandomAccess.Write(file.SafeFileHandle, block, (i % 64) * (long)block.Length);
                var started = Stopwatch.GetTimestamp();
                file.Flush(flushToDisk: true);
                histogram.Record(Stopwatch.GetElapsedTime(started));
                await Task.Delay(Pause, TimeProvider.System, cancellationToken);
            }
        }
        finally
        {
            File.Delete(path);
        }

        return histogram;
    }
}
