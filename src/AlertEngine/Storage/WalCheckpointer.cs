using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Storage;

/// <summary>
/// Copies the write-ahead log into the database file every <see cref="StorageOptions.CheckpointInterval"/>,
/// so that commits do not: with SQLite's autocheckpoint, one inbox commit in every ~4 MB of WAL
/// also did the copying and took two to three times as long. Durability is unchanged: a commit
/// is on disk once its WAL frames are synced (FULL), whenever they are copied later.
/// <para>
/// A pass first runs a PASSIVE checkpoint without the <see cref="WriteGate"/>. Correctness needs
/// no gate: SQLite's checkpoint lock is not its write lock, so a PASSIVE checkpoint never waits
/// for or blocks a writer, and it copies only frames no reader still needs. That keeps the costly
/// part — copying pages and syncing the database file — beside the commits instead of in them.
/// </para>
/// <para>
/// The gate is for the WAL's size. SQLite starts the WAL over from its beginning only when a
/// writer begins while every frame has been copied; under a steady storm writers append during
/// every copy, that moment never comes, and the file grows until the cap. So when the ungated copy
/// found frames, the pass takes its turn at the gate and copies the rest — a short copy, only
/// what was appended meanwhile — and the next commit starts the WAL over. The cap itself
/// (<see cref="StorageOptions.MaxWalBytes"/>) is SQLite's: see <see cref="SqliteConnectionFactory"/>.
/// </para>
/// </summary>
public sealed partial class WalCheckpointer(
    SqliteConnectionFactory connections,
    WriteGate gate,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<WalCheckpointer> logger) : BackgroundService
{
    // Armed from construction on the injected clock: passes keep their rhythm however long one
    // takes (a tick missed during a long pass is taken once, not queued up).
    private readonly PeriodicTimer _timer = new(options.Value.CheckpointInterval, time);
    private TaskCompletionSource<WalCheckpointPass> _nextPass = NewPass();
    private WalCheckpointResult? _lastGated;

    /// <summary>Completes when the next timed pass has finished (tests wait on it instead of sleeping).</summary>
    internal Task<WalCheckpointPass> NextPass => Volatile.Read(ref _nextPass).Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await _timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }

                var pass = await CheckpointAsync(stoppingToken);
                Interlocked.Exchange(ref _nextPass, NewPass()).TrySetResult(pass);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed pass must not stop the engine; the next pass (or SQLite's own checkpoint past the cap) catches up.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogPassFailed(logger, ex);
            }
        }
    }

    /// <summary>One pass: a PASSIVE copy beside the writers, then, when it found frames, a short gated copy of the rest.</summary>
    public async Task<WalCheckpointPass> CheckpointAsync(CancellationToken cancellationToken)
    {
        using var connection = connections.Open();
        var passive = Checkpoint(connection);
        var step = WalCheckpointPass.Decide(passive, _lastGated);
        if (step == WalCheckpointStep.NothingNew)
        {
            return new WalCheckpointPass(passive, step, null);
        }

        using (await gate.EnterAsync(cancellationToken))
        {
            _lastGated = Checkpoint(connection);
        }

        return new WalCheckpointPass(passive, step, _lastGated);
    }

    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    private static WalCheckpointResult Checkpoint(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WalCheckpointResult(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    private static TaskCompletionSource<WalCheckpointPass> NewPass() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WAL checkpoint pass failed; the next pass tries again")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
