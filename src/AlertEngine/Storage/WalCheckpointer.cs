using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AlertEngine.Storage;

/// <summary>
/// Copies the write-ahead log back into the database file every second with a PASSIVE
/// checkpoint, which never blocks a writer, so that commits never pay for it. Once the
/// log is fully copied, the next writer starts it over, which keeps its size bounded.
/// </summary>
public sealed partial class WalCheckpointer(SqliteConnectionFactory connections, TimeProvider time, ILogger<WalCheckpointer> logger) : BackgroundService
{
    /// <summary>How often the log is copied back.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var connection = connections.Open();
        using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken);
                checkpoint.ExecuteNonQuery();
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // A failed checkpoint is retried on the next tick; the log only grows meanwhile.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogCheckpointFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint failed; retrying in a second")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
