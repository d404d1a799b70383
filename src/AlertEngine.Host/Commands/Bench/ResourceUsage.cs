using System.Diagnostics;
using System.Globalization;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// What the CPU did during a measurement: this process's share of all cores (the client and both
/// servers share them), the whole machine's share where the OS tells (Linux /proc/stat), and
/// garbage collections per generation. Tells a saturated machine from a waiting one, and a quiet
/// machine from one where other processes took CPU away from the benchmark.
/// </summary>
internal sealed record ResourceUsage(double ProcessShare, double? MachineShare, int Gen0, int Gen1, int Gen2)
{
    /// <summary>CPU share that other processes (or other virtual machines, as steal) used meanwhile; null when unknown.</summary>
    public double? OthersShare => MachineShare is { } machine ? Math.Max(0, machine - ProcessShare) : null;

    public override string ToString() =>
        $"cpu {Text.Percent(ProcessShare)} this process"
        + (MachineShare is { } machine ? $", {Text.Percent(machine)} whole machine" : "")
        + $" (of {Environment.ProcessorCount} cores), gc {Gen0}/{Gen1}/{Gen2} (gen0/1/2)";

    public static Meter Start() => new(
        Stopwatch.GetTimestamp(), Environment.CpuUsage.TotalTime, MachineTicks(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

    /// <summary>Busy and total CPU ticks of the whole machine since boot (first line of /proc/stat), or null off Linux.</summary>
    private static (long Busy, long Total)? MachineTicks()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        try
        {
            // cpu  user nice system idle iowait irq softirq steal ...: idle and iowait are the only idle columns.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
            var total = fields.Sum();
            return (total - fields[3] - fields[4], total);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Readings taken when the measurement started.</summary>
    internal sealed record Meter(long Started, TimeSpan Cpu, (long Busy, long Total)? Machine, int Gen0, int Gen1, int Gen2)
    {
        public ResourceUsage Stop()
        {
            var wall = Stopwatch.GetElapsedTime(Started);
            var cpu = Environment.CpuUsage.TotalTime - Cpu;
            double? machine = Machine is { } before && MachineTicks() is { } after && after.Total > before.Total
                ? (double)(after.Busy - before.Busy) / (after.Total - before.Total)
                : null;
            return new ResourceUsage(
                cpu / (wall * Environment.ProcessorCount),
                machine,
                GC.CollectionCount(0) - Gen0,
                GC.CollectionCount(1) - Gen1,
                GC.CollectionCount(2) - Gen2);
        }
    }
}
