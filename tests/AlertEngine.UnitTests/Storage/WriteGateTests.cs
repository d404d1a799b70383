using AlertEngine.Storage;

namespace AlertEngine.UnitTests.Storage;

public sealed class WriteGateTests
{
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task EnterForIntake_WhileRunnerHoldsTheTurn_ShowsIntakeWaitingUntilItGetsIn()
    {
        using var gate = new WriteGate();
        var runner = await gate.EnterAsync(TestContext.Current.CancellationToken);

        var intake = gate.EnterForIntakeAsync(TestContext.Current.CancellationToken);

        Assert.False(intake.IsCompleted);
        Assert.True(gate.IntakeWaiting);

        runner.Dispose();
        using var turn = await intake.WaitAsync(Safety, TestContext.Current.CancellationToken);
        Assert.False(gate.IntakeWaiting);
    }

    [Fact]
    public async Task EnterForIntake_FreeGate_EntersAtOnceWithoutSignallingAWait()
    {
        using var gate = new WriteGate();

        using var turn = await gate.EnterForIntakeAsync(TestContext.Current.CancellationToken);

        Assert.False(gate.IntakeWaiting);
        Assert.False(gate.EnterAsync(TestContext.Current.CancellationToken).IsCompleted);
    }
}
