using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;

namespace AlertEngine.Storage;

/// <summary>Applies migrations before anything else starts (registered first).</summary>
internal sealed class MigrateOnStart(Migrator migrator, SqliteConnectionFactory connections) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            migrator.Migrate();
        }
        catch (SqliteException ex)
        {
            throw new StorageUnavailableException(
                $"the database {connections.DatabasePath} cannot be opened and written: {ex.Message} "
                + "(a read-only or full file system, missing permissions, or another program holding it locked?)",
                ex);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The database cannot be used at start: the engine stops with a message naming the file.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
