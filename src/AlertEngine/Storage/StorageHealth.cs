using Dapper;

namespace AlertEngine.Storage;

/// <summary>What /healthz reports about the database.</summary>
public sealed record StorageStatus(bool Writable, string DatabasePath, string? Error);

/// <summary>
/// Proves the database is writable by rewriting one row in a real transaction. It takes its turn
/// at the <see cref="WriteGate"/> like every other writer, so during a storm it waits a batch
/// instead of meeting the inbox writer's lock and calling a busy engine unhealthy.
/// </summary>
public sealed class StorageHealth(SqliteConnectionFactory connections, WriteGate gate, TimeProvider time)
{
    public async Task<StorageStatus> CheckAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var turn = await gate.EnterAsync(cancellationToken);
            using var connection = connections.Open();
            using var transaction = connection.BeginTransaction();
            connection.Execute(
                "INSERT INTO health_probe (id, checked_at) VALUES (1, @at) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                new { at = UnixTime.ToMs(time.GetUtcNow()) },
                transaction);
            transaction.Commit();
            return new StorageStatus(true, connections.DatabasePath, null);
        }
#pragma warning disable CA1031 // Any failure means "not writable"; the reason is reported, not thrown.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return new StorageStatus(false, connections.DatabasePath, ex.Message);
        }
    }
}
