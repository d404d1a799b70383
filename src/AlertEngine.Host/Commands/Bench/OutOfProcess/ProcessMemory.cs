using System.Diagnostics;
using System.Globalization;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// Memory of an engine process as the OS counts it (Linux <c>/proc/&lt;pid&gt;/status</c>): resident
/// set now and at its peak, and now its three parts: anonymous (GC heap, native heap and stacks),
/// mapped files (the runtime's and the engine's DLLs) and shared memory (the JIT's code). The GC
/// heap alone is not visible from outside.
/// </summary>
/// <param name="ResidentBytes">VmRSS: resident now (the working set).</param>
/// <param name="PeakResidentBytes">VmHWM: the highest resident set since the process started.</param>
/// <param name="AnonymousBytes">RssAnon: resident memory not backed by a file; null off Linux.</param>
/// <param name="FileBytes">RssFile: resident pages of mapped files (the runtime, the framework and the engine's DLLs); null off Linux.</param>
/// <param name="SharedBytes">RssShmem: resident shared memory, in the engine the JIT's compiled code (mapped twice, writable and executable); null off Linux.</param>
internal sealed record ProcessMemory(long ResidentBytes, long PeakResidentBytes, long? AnonymousBytes, long? FileBytes = null, long? SharedBytes = null)
{
    public override string ToString() =>
        $"RSS {Text.Megabytes(ResidentBytes)} (peak {Text.Megabytes(PeakResidentBytes)}"
        + (AnonymousBytes is { } anonymous ? $", anonymous {Text.Megabytes(anonymous)}" : "")
        + (FileBytes is { } files ? $", files {Text.Megabytes(files)}" : "")
        + (SharedBytes is { } shared ? $", JIT code and other shared {Text.Megabytes(shared)}" : "")
        + ")";

    /// <summary>Reads the process's figures now; null once it has exited.</summary>
    public static ProcessMemory? Read(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            if (OperatingSystem.IsLinux())
            {
                return Parse(File.ReadAllText($"/proc/{process.Id}/status"));
            }

            process.Refresh();
            return process.HasExited ? null : new ProcessMemory(process.WorkingSet64, process.PeakWorkingSet64, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Reads VmRSS, VmHWM and RssAnon (in kB) from the text of <c>/proc/&lt;pid&gt;/status</c>; null without VmRSS.</summary>
    public static ProcessMemory? Parse(string status)
    {
        ArgumentNullException.ThrowIfNull(status);
        long? rss = null, peak = null, anonymous = null, files = null, shared = null;
        foreach (var line in status.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                continue;
            }

            var value = KilobytesToBytes(line[(colon + 1)..]);
            switch (line[..colon])
            {
                case "VmRSS": rss = value; break;
                case "VmHWM": peak = value; break;
                case "RssAnon": anonymous = value; break;
                case "RssFile": files = value; break;
                case "RssShmem": shared = value; break;
            }
        }

        return rss is { } resident ? new ProcessMemory(resident, Math.Max(peak ?? resident, resident), anonymous, files, shared) : null;
    }

    /// <summary>"   86556 kB" → 88,633,344; null when it is not a number of kB.</summary>
    private static long? KilobytesToBytes(string field)
    {
        var parts = field.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2 && parts[1] == "kB" && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var kb) ? kb * 1024 : null;
    }
}
