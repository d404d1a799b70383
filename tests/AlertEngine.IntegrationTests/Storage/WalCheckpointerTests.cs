using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Storage;

/// <summary>
/// The background WAL checkpointer on a real SQLite file, driven by a fake clock, and the cap
/// that bounds the WAL when no checkpointer runs.
/// </summary>
public sealed class WalCheckpointerTests : IDisposable
{
    private const int RowBytes = 4000;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How long a test waits for a pass already released to finish; it never runs to the end when the test passes.</summary>
    private static readonly TimeSpan Safety = TimeSpan.FromSeconds(10);

    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 2, 0, 0, TimeSpan.Zero));
    private readonly WriteGate _gate = new();

    /// <summary>
    /// Held open for the whole test: when the last connection closes (another test clearing every
    /// pool), SQLite checkpoints and deletes the WAL, and there would be nothing left to measure.
    /// </summary>
    private SqliteConnection? _keeper;

    private static CancellationToken TestCancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkpointer_IntervalPassed_CopiesTheWalAndTheNextWritesStartItOver()
    {
        var connections = Migrated(new StorageOptions { DatabasePath = _db.Path });
        using var checkpointer = new WalCheckpointer(connections, _gate, _time, Options.Create(new StorageOptions { CheckpointInterval = Interval }), NullLogger<WalCheckpointer>.Instance);
        await checkpointer.StartAsync(TestCancellation);
        WriteRows(connections, transactions: 50, rowsEach: 4);
        var walBeforePass = WalBytes(connections);

        var pass = checkpointer.NextPass;
        _time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        Assert.False(pass.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        var done = await pass.WaitAsync(Safety, TestCancellation);

        Assert.Equal(WalCheckpointStep.FinishUnderGate, done.Step);
        Assert.NotNull(done.Gated);
        Assert.True(done.Gated.LogFrames >= 200, $"the WAL held {done.Gated.LogFrames} frames");
        Assert.Equal(done.Gated.LogFrames, done.Gated.CheckpointedFrames);

        // Started over: the same writes again reuse the file instead of doubling it.
        WriteRows(connections, transactions: 50, rowsEach: 4);
        Assert.True(WalBytes(connections) <= walBeforePass, $"WAL {WalBytes(connections)} bytes after the pass, {walBeforePass} before");
        await checkpointer.StopAsync(TestCancellation);
    }

    [Fact]
    public async Task Checkpointer_NothingWrittenSinceTheLastPass_DoesNotWaitForTheGate()
    {
        var connections = Migrated(new StorageOptions { DatabasePath = _db.Path });
        using var checkpointer = new WalCheckpointer(connections, _gate, _time, Options.Create(new StorageOptions { CheckpointInterval = Interval }), NullLogger<WalCheckpointer>.Instance);
        WriteRows(connections, transactions: 5, rowsEach: 4);
        var first = await checkpointer.CheckpointAsync(TestCancellation);
        Assert.Equal(WalCheckpointStep.FinishUnderGate, first.Step);

        // While another writer holds the turn, an idle pass still completes: it never asks for it.
        using var held = await _gate.EnterAsync(TestCancellation);
        var idle = await checkpointer.CheckpointAsync(TestCancellation).WaitAsync(Safety, TestCancellation);

        Assert.Equal(WalCheckpointStep.NothingNew, idle.Step);
        Assert.Null(idle.Gated);
    }

    [Fact]
    public void Cap_NoCheckpointerRunning_CommitsCheckpointInlineAndTheWalFileShrinksBackToTheCap()
    {
        const int cap = 1024 * 1024;
        var connections = Migrated(new StorageOptions { DatabasePath = _db.Path, MaxWalBytes = cap });
        using (var connection = connections.Open())
        {
            Assert.Equal(cap / SqliteConnectionFactory.PageSize, connection.ExecuteScalar<long>("PRAGMA wal_autocheckpoint"));
        }

        // One transaction far larger than the cap grows the file past it…
        WriteRows(connections, transactions: 1, rowsEach: 3 * cap / RowBytes);
        Assert.True(WalBytes(connections) > 2 * cap);

        // …then commits checkpoint inline, the WAL starts over and the file is cut back to the cap.
        WriteRows(connections, transactions: 200, rowsEach: 4);

        Assert.True(WalBytes(connections) <= cap, $"WAL {WalBytes(connections)} bytes, cap {cap}");
    }

    public void Dispose()
    {
        _keeper?.Dispose();
        _gate.Dispose();
        _db.Dispose();
    }

    private SqliteConnectionFactory Migrated(StorageOptions options)
    {
        var connections = new SqliteConnectionFactory(Options.Create(options));
        new Migrator(connections, NullLogger<Migrator>.Instance).Migrate();
        _keeper = connections.Open();
        _keeper.Execute("CREATE TABLE filler (data BLOB NOT NULL)");
        return connections;
    }

    private static void WriteRows(SqliteConnectionFactory connections, int transactions, int rowsEach)
    {
        using var connection = connections.Open();
        for (var t = 0; t < transactions; t++)
        {
            using var transaction = connection.BeginTransaction();
            for (var r = 0; r < rowsEach; r++)
            {
                connection.Execute("INSERT INTO filler (data) VALUES (randomblob(@bytes))", new { bytes = RowBytes }, transaction);
            }

            transaction.Commit();
        }
    }

    private static long WalBytes(SqliteConnectionFactory connections) => new FileInfo(connections.WalPath).Length;
}
