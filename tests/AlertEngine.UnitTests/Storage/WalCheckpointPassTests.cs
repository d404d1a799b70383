using AlertEngine.Storage;

namespace AlertEngine.UnitTests.Storage;

/// <summary>When a checkpointer pass needs its short turn at the write gate after the ungated copy.</summary>
public sealed class WalCheckpointPassTests
{
    // rule, ungated copy (busy, log, checkpointed), previous gated copy or null, expected step
    public static TheoryData<string, WalCheckpointResult, WalCheckpointResult?, WalCheckpointStep> Cases => new()
    {
        { "empty WAL: nothing to copy", new(false, 0, 0), null, WalCheckpointStep.NothingNew },
        { "frames copied: writers may have appended meanwhile", new(false, 500, 500), null, WalCheckpointStep.FinishUnderGate },
        { "frames left behind by a reader", new(false, 500, 300), new(false, 200, 200), WalCheckpointStep.FinishUnderGate },
        { "blocked by another checkpoint", new(true, 500, 0), null, WalCheckpointStep.FinishUnderGate },
        { "unchanged since the last gated copy completed it", new(false, 500, 500), new(false, 500, 500), WalCheckpointStep.NothingNew },
        { "same size as last time but the last gated copy was blocked", new(false, 500, 500), new(true, 500, 0), WalCheckpointStep.FinishUnderGate },
        { "grew since the last gated copy", new(false, 700, 700), new(false, 500, 500), WalCheckpointStep.FinishUnderGate },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_UngatedCopy_ChoosesWhetherToFinishUnderTheGate(string rule, WalCheckpointResult passive, WalCheckpointResult? previousGated, WalCheckpointStep expected)
    {
        Assert.True(expected == WalCheckpointPass.Decide(passive, previousGated), rule);
    }
}
