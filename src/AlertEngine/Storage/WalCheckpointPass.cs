namespace AlertEngine.Storage;

/// <summary>What <c>PRAGMA wal_checkpoint</c> answered: whether it was blocked, WAL frames, frames copied.</summary>
public sealed record WalCheckpointResult(bool Busy, long LogFrames, long CheckpointedFrames);

/// <summary>What a checkpointer pass does after its first, ungated PASSIVE copy.</summary>
public enum WalCheckpointStep
{
    /// <summary>The WAL is empty or unchanged since the last pass completed it: nothing to do.</summary>
    NothingNew,

    /// <summary>Frames were copied and writers may have appended meanwhile: copy the rest holding the write gate.</summary>
    FinishUnderGate,
}

/// <summary>One checkpointer pass: the ungated copy, the step chosen, and the gated copy if there was one.</summary>
public sealed record WalCheckpointPass(WalCheckpointResult Passive, WalCheckpointStep Step, WalCheckpointResult? Gated)
{
    /// <summary>
    /// Chooses the second step. The ungated copy's figures describe the WAL as it was when that
    /// copy began; writers may have appended since, so only a WAL that is empty, or exactly as the
    /// previous pass left it completely copied, needs no gated copy.
    /// </summary>
    public static WalCheckpointStep Decide(WalCheckpointResult passive, WalCheckpointResult? previousGated)
    {
        ArgumentNullException.ThrowIfNull(passive);
        if (passive.Busy)
        {
            return WalCheckpointStep.FinishUnderGate;
        }

        if (passive.LogFrames == 0 || (previousGated is { Busy: false } && previousGated.LogFrames == passive.LogFrames && passive.CheckpointedFrames == passive.LogFrames))
        {
            return WalCheckpointStep.NothingNew;
        }

        return WalCheckpointStep.FinishUnderGate;
    }
}
