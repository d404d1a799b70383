using System.Diagnostics;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// What the process used during a measurement: CPU as a share of all cores (the client and both
/// servers share them), and garbage collections per generation. Tells a saturated machine from
/// a waiting one.
/// </summary>
internal sealed record ResourceUsage(double CpuShare, int Gen0, int Gen1, int Gen2)
{
    public override string ToString() =>
        $"cpu {Text.Percent(CpuShare)} of {Environment.ProcessorCount} cores, gc {Gen0}/{Gen1}/{Gen2} (gen0/1/2)";

    public static Meter Start() => new(
        Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Readings taken when the measurement started.</summary>
    internal sealed record Meter(long Started, TimeSpan Cpu, int Gen0, int Gen1, int Gen2)
    {
        public ResourceUsage Stop()
        {
            var wall = Stopwatch.GetElapsedTime(Started);
            var cpu = Environment.CpuUsage.TotalTime - Cpu;
            return new ResourceUsage(
                cpu / (wall * Environment.ProcessorCount),
                GC.CollectionCount(0) - Gen0,
                GC.CollectionCount(1) - Gen1,
                GC.CollectionCount(2) - Gen2);
        }
    }
}
