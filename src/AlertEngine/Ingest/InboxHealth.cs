using AlertEngine.Storage;

namespace AlertEngine.Ingest;

/// <summary>What the storage check found, and the inbox backlog when the database could be read.</summary>
public sealed record InboxHealthReport(StorageStatus Storage, InboxBacklog? Backlog);

/// <summary>
/// The one check behind <c>/healthz</c> and the <c>/metrics</c> gauges: is the database
/// writable (a real write at the write gate), and how many events wait or were set aside.
/// </summary>
public sealed class InboxHealth(StorageHealth storage, SqliteConnectionFactory connections)
{
    public async Task<InboxHealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var status = await storage.CheckAsync(cancellationToken);
        if (!status.Writable)
        {
            return new InboxHealthReport(status, null);
        }

        using var connection = connections.Open();
        return new InboxHealthReport(status, InboxStore.CountBacklog(connection));
    }
}
