namespace AlertEngine.Host.Commands.Bench;

/// <summary>Where a run is; requests are counted in the phase in which they were sent.</summary>
internal enum RunPhase
{
    WarmingUp,
    Measuring,
    Stopped,
}

/// <summary>
/// The state the workers of one run share: the phase (read without a lock) and the number of
/// measured requests taken so far, which bounds the run at <c>--max-events</c>.
/// </summary>
internal sealed class RunState(long maxMeasured)
{
    private readonly TaskCompletionSource _limitReached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _phase;
    private long _measured;

    public RunPhase Phase => (RunPhase)Volatile.Read(ref _phase);

    /// <summary>Completes when a worker asked for a measured request beyond the limit.</summary>
    public Task LimitReached => _limitReached.Task;

    /// <summary>Measured requests taken so far (sent or being sent), for progress lines.</summary>
    public long Taken => Math.Min(Interlocked.Read(ref _measured), maxMeasured);

    public void StartMeasuring() => Volatile.Write(ref _phase, (int)RunPhase.Measuring);

    public void Stop() => Volatile.Write(ref _phase, (int)RunPhase.Stopped);

    /// <summary>Takes one measured request; false once the run's limit is used up.</summary>
    public bool TryTakeMeasured()
    {
        if (Interlocked.Increment(ref _measured) <= maxMeasured)
        {
            return true;
        }

        _limitReached.TrySetResult();
        return false;
    }
}
