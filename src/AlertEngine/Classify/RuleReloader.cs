using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlertEngine.Classify;

/// <summary>
/// Loads the rules at start (bad rules stop the engine with every error) and then checks the
/// folder every <see cref="RulesOptions.ReloadInterval"/> for changes.
/// </summary>
public sealed partial class RuleReloader(RuleSetProvider provider, IOptions<RulesOptions> options, TimeProvider time, ILogger<RuleReloader> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        provider.LoadAtStart();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (provider.Folder is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.ReloadInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    provider.CheckForChanges();
                }
#pragma warning disable CA1031 // A failed check must never stop the engine: the running rules stay, the next check tries again.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogCheckFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking the rules folder for changes failed; the running rules stay and the next check tries again")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception);
}
