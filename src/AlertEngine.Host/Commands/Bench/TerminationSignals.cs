using System.Runtime.InteropServices;

namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation, so that the benchmark stops its
/// apps and deletes its temp database before exiting; a second signal terminates at once.
/// System.CommandLine's default invocation does not hook these signals, and the hosted apps
/// leave them to the benchmark (<see cref="BenchHosting.LeaveSignalsToTheBenchmark"/>).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    public TerminationSignals(CancellationToken cancellationToken)
    {
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Platforms without these signals simply keep their default behaviour.
            }
        }
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>130 after Ctrl+C, 143 after SIGTERM (the shell's conventions).</summary>
    public int ExitCode { get; private set; } = BenchReport.ExitCancelled;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref _received) > 1)
        {
            return;
        }

        context.Cancel = true;
        ExitCode = context.Signal == PosixSignal.SIGTERM ? 143 : BenchReport.ExitCancelled;
        Console.Error.WriteLine($"bench: {context.Signal} received, stopping and cleaning up (send it again to exit at once)…");
        _stop.Cancel();
    }
}
