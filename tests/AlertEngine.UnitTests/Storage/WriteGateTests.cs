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

    /// <summary>
    /// An urgent writer (the page sender with an L1 page) shows UrgentWaiting until it gets in, so
    /// the runner cuts its turn short; an ordinary writer (a job, a lower page) waits without.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Enter_WhileAnotherWriterHoldsTheTurn_OnlyAnUrgentWriterHurriesTheRunner(bool urgent)
    {
        using var gate = new WriteGate();
        var runner = await gate.EnterAsync(TestContext.Current.CancellationToken);

        var writer = urgent ? gate.EnterUrgentAsync(TestContext.Current.CancellationToken) : gate.EnterAsync(TestContext.Current.CancellationToken);

        Assert.False(writer.IsCompleted);
        Assert.Equal(urgent, gate.UrgentWaiting);
        Assert.False(gate.IntakeWaiting);
        runner.Dispose();
        using var turn = await writer.WaitAsync(Safety, TestContext.Current.CancellationToken);
        Assert.False(gate.UrgentWaiting);
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
