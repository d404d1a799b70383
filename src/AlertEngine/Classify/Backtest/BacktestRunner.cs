using System.Text;
using AlertEngine.Ingest.Zabbix;
using Microsoft.Data.Sqlite;

namespace AlertEngine.Classify.Backtest;

/// <summary>
/// Replays the problem events received in a window through candidate rules: each stored webhook
/// body is parsed as the webhook parsed it, classified at the event's problem clock, and compared
/// with the ticket it actually went to. Reads only.
/// </summary>
public static class BacktestRunner
{
    /// <summary>How often <c>progress</c> is called: every this many events.</summary>
    public const int ProgressEvery = 10_000;

    /// <summary>
    /// Replays [from, to) over <paramref name="connection"/> (open it read-only); calls
    /// <paramref name="onEvent"/> for every replayed event and <paramref name="progress"/> every
    /// <see cref="ProgressEvery"/> events.
    /// </summary>
    public static BacktestSummary Run(
        SqliteConnection connection, RuleSet rules, DateTimeOffset from, DateTimeOffset to,
        Action<BacktestEvent> onEvent, Action<long>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(onEvent);
        var summary = new BacktestSummary(rules.Settings) { Others = BacktestStore.CountOthers(connection, from, to) };
        var read = 0L;
        foreach (var stored in BacktestStore.ReadProblems(connection, from, to))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (++read % ProgressEvery == 0)
            {
                progress?.Invoke(read);
            }

            var parsed = ZabbixWebhookPayload.Parse(stored.Server, Encoding.UTF8.GetBytes(stored.Payload));
            if (parsed.Event is not { } e)
            {
                summary.AddUnreadable(stored, string.Join("; ", parsed.Errors));
                continue;
            }

            var candidate = rules.Classify(e);
            var replayed = new BacktestEvent(stored, e, candidate, BacktestComparison.Compare(stored, candidate));
            summary.Add(replayed);
            onEvent(replayed);
        }

        return summary;
    }
}
