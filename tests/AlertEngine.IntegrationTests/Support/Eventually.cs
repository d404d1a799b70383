namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Bounded waits for what the engine's background loops (outbox sender, poller, watch) do on the
/// real clock: checks every 20 ms, fails the test naming what did not happen in time.
/// </summary>
internal static class Eventually
{
    public static Task TrueAsync(Func<bool> condition, int seconds, string what) =>
        TrueAsync(() => Task.FromResult(condition()), seconds, what);

    public static async Task TrueAsync(Func<Task<bool>> condition, int seconds, string what)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (!await condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(seconds), $"{what} did not happen within {seconds} s");
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System, TestContext.Current.CancellationToken);
        }
    }
}
