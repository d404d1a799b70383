using System.Diagnostics;
using AlertEngine.Classify;
using AlertEngine.Ingest;

namespace AlertEngine.Host.Commands.Bench.Rules;

/// <summary>
/// Classifies the events one after the other, over and over, on the calling thread until the time
/// is up or the count is reached: one core's throughput, with the bytes allocated on that thread.
/// </summary>
internal static class ClassifyRun
{
    /// <summary>Events classified between two looks at the clock and the cancellation token.</summary>
    private const int Batch = 256;

    public static ClassifyMeasurement Measure(RuleSet rules, IReadOnlyList<ZabbixEvent> events, TimeSpan duration, long maxEvents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            throw new ArgumentException("no events to classify", nameof(events));
        }

        var meter = ResourceUsage.Start();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        long classified = 0;
        long levels = 0;
        var next = 0;
        while (classified < maxEvents && Stopwatch.GetElapsedTime(started) < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var batch = (int)Math.Min(Batch, maxEvents - classified);
            for (var i = 0; i < batch; i++)
            {
                // Use the result, so that the work cannot be skipped.
                levels += (int)rules.Classify(events[next]).Level;
                next = next + 1 == events.Count ? 0 : next + 1;
            }

            classified += batch;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
        return new ClassifyMeasurement(classified, elapsed, cpu, allocated, meter.Stop(), levels);
    }
}

/// <summary>One measurement: events classified, in how long, the bytes allocated, the CPU and GC meanwhile.</summary>
/// <param name="Events">Events classified.</param>
/// <param name="Elapsed">Wall time of the measurement.</param>
/// <param name="Cpu">CPU time of this whole process meanwhile (the measuring thread, the garbage collector, the JIT).</param>
/// <param name="AllocatedBytes">Bytes allocated on the measuring thread meanwhile.</param>
/// <param name="Usage">CPU shares and garbage collections meanwhile.</param>
/// <param name="LevelSum">The sum of the levels given (only so that no result goes unused).</param>
internal sealed record ClassifyMeasurement(long Events, TimeSpan Elapsed, TimeSpan Cpu, long AllocatedBytes, ResourceUsage Usage, long LevelSum)
{
    public double PerSecond => Elapsed > TimeSpan.Zero ? Events / Elapsed.TotalSeconds : double.NaN;

    /// <summary>
    /// Events per second of CPU the process used: what one core does when the benchmark has it to
    /// itself, even on a shared machine where other processes take turns on the cores.
    /// </summary>
    public double PerCpuSecond => Cpu > TimeSpan.Zero ? Events / Cpu.TotalSeconds : double.NaN;

    public double NanosecondsPerEvent => Events > 0 ? Elapsed.TotalNanoseconds / Events : double.NaN;

    public double BytesPerEvent => Events > 0 ? (double)AllocatedBytes / Events : double.NaN;
}
