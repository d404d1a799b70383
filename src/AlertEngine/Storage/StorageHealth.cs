using Dapper;

namespace AlertEngine.Storage;

/// <summary>What /healthz reports about the database.</summary>
public sealed record StorageStatus(bool Writable, string DatabasePath, string? Error);

/// <summary>Proves the database is writable by rewriting one row in a real transaction.</summary>
public sealed class StorageHealth(SqliteConnectionFactory connections, TimeProvider time)
{
    public StorageStatus Check()
    {
        try
        {
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
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return new StorageStatus(false, connections.DatabasePath, ex.Message);
        }
    }
}
