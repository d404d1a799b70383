namespace AlertEngine.Outbox;

/// <summary>
/// The loop of an outbox lane (the Zabbix write-back <see cref="OutboxSender"/>, the page sender):
/// work on what is due; when nothing was, wait for the lane's bell or Outbox:PollInterval; a failure
/// (a broken database moment) is logged and tried again after the interval, so the lane outlives it.
/// </summary>
public static class SenderLoop
{
    /// <param name="runOnce">One turn; returns how many rows it read.</param>
    /// <param name="waitForBell">Waits for the lane's bell or the given interval.</param>
    /// <param name="logFailed">Logs a failed turn.</param>
    /// <param name="pollInterval">Outbox:PollInterval: the longest wait without a bell, and the wait after a failure.</param>
    /// <param name="time">The engine's clock.</param>
    /// <param name="stoppingToken">Ends the loop.</param>
    public static async Task RunAsync(
        Func<CancellationToken, Task<int>> runOnce,
        Func<TimeSpan, CancellationToken, Task> waitForBell,
        Action<Exception> logFailed,
        TimeSpan pollInterval,
        TimeProvider time,
        CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(runOnce);
        ArgumentNullException.ThrowIfNull(waitForBell);
        ArgumentNullException.ThrowIfNull(logFailed);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await runOnce(stoppingToken) == 0)
                {
                    await waitForBell(pollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A lane must outlive a broken database moment; it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logFailed(ex);
                await Task.Delay(pollInterval, time, stoppingToken);
            }
        }
    }
}
