using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>Where the figures were measured: they are only comparable on the same kind of machine and build.</summary>
/// <param name="Processors">Logical processors this process may use.</param>
/// <param name="MemoryBytes">Physical memory (or the container's limit) the runtime sees.</param>
/// <param name="Os">Operating system.</param>
/// <param name="Runtime">.NET runtime.</param>
/// <param name="Gc">server or workstation GC (of the benchmark process; the engine's own is server).</param>
/// <param name="Build">Release or Debug.</param>
/// <param name="Commit">Short git commit of the working directory, when git tells.</param>
internal sealed record MachineInfo(int Processors, long MemoryBytes, string Os, string Runtime, string Gc, string Build, string? Commit)
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromSeconds(5);

    public override string ToString() =>
        $"{Processors} processors | {(MemoryBytes / 1e9).ToString("F1", System.Globalization.CultureInfo.InvariantCulture)} GB memory | {Os} | {Runtime} | {Gc} GC | {Build} build | commit {Commit ?? "unknown"}";

    public static async Task<MachineInfo> ReadAsync(CancellationToken cancellationToken) => new(
        Environment.ProcessorCount,
        GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation",
        typeof(MachineInfo).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "unknown",
        await GitCommitAsync(cancellationToken));

    /// <summary><c>git rev-parse --short HEAD</c> in the current directory, or null when git is missing or fails.</summary>
    private static async Task<string?> GitCommitAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("git", ["rev-parse", "--short", "HEAD"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        try
        {
            using var git = Process.Start(start);
            if (git is null)
            {
                return null;
            }

            using var timeout = new CancellationTokenSource(GitTimeout, TimeProvider.System);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            try
            {
                var output = await git.StandardOutput.ReadToEndAsync(linked.Token);
                await git.WaitForExitAsync(linked.Token);
                return git.ExitCode == 0 && output.Trim().Length > 0 ? output.Trim() : null;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                git.Kill(entireProcessTree: true);
                return null;
            }
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
