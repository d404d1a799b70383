using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AlertEngine.Host.Commands.Bench.OutOfProcess;

/// <summary>
/// Asks an engine process to stop as an operator's <c>systemctl stop</c> would: SIGTERM, so the
/// host shuts down gracefully and the inbox writer answers every queued request before exiting.
/// </summary>
internal static partial class ProcessSignals
{
    private const int SigTerm = 15;

    public static void Terminate(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        if (OperatingSystem.IsWindows() || Kill(process.Id, SigTerm) != 0)
        {
            // No SIGTERM here (or it failed): end it hard. A 2xx means committed, so even this loses no acknowledged event.
            process.Kill(entireProcessTree: true);
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
