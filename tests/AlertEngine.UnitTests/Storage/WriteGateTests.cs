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

        // The inbox writer blocks its own thread while it waits.
        var intake = Task.Factory.StartNew(gate.EnterForIntake, TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        await WaitUntilAsync(() => gate.IntakeWaiting);

        Assert.False(intake.IsCompleted);

        runner.Dispose();
        using var turn = await intake.WaitAsync(Safety, TestContext.Current.CancellationToken);
        Assert.False(gate.IntakeWaiting);
    }

    [Fact]
    public async Task EnterForIntake_FreeGate_EntersAtOnceWithoutSignallingAWait()
    {
        using var gate = new WriteGate();

        using var turn = gate.EnterForIntake();

        Assert.False(gate.IntakeWaiting);
        Assert.False(gate.EnterAsync(TestContext.Current.CancellationToken).IsCompleted);
    }

    [Fact]
    public async Task EnterUrgentAsync_WhileAnotherWriterHoldsTheTurn_ShowsUrgentWaitingUntilItGetsIn()
    {
        using var gate = new WriteGate();
        var runner = await gate.EnterAsync(TestContext.Current.CancellationToken);

        var sender = gate.EnterUrgentAsync(TestContext.Current.CancellationToken);

        Assert.True(gate.UrgentWaiting);
        Assert.False(gate.IntakeWaiting);
        runner.Dispose();
        using var turn = await sender.WaitAsync(Safety, TestContext.Current.CancellationToken);
        Assert.False(gate.UrgentWaiting);
    }

    [Fact]
    public async Task EnterAsync_WhileAnotherWriterHoldsTheTurn_WaitsWithoutHurryingTheRunner()
    {
        using var gate = new WriteGate();
        var runner = await gate.EnterAsync(TestContext.Current.CancellationToken);

        var job = gate.EnterAsync(TestContext.Current.CancellationToken);

        Assert.False(job.IsCompleted);
        Assert.False(gate.UrgentWaiting);
        runner.Dispose();
        using var turn = await job.WaitAsync(Safety, TestContext.Current.CancellationToken);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Safety);
        while (!condition())
        {
            await Task.Yield();
            timeout.Token.ThrowIfCancellationRequested();
        }
    }
}
