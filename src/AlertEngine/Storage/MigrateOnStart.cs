using Microsoft.Extensions.Hosting;

namespace AlertEngine.Storage;

/// <summary>Applies migrations before anything else starts (registered first).</summary>
internal sealed class MigrateOnStart(Migrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        migrator.Migrate();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
