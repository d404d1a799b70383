namespace AlertEngine.Host.Commands.Bench;

/// <summary>
/// The benchmark's own read-only checks on the engine's file (schema in Storage/Migrations/0001):
/// it verifies the engine from outside instead of trusting the engine's stores.
/// </summary>
internal static class BenchSql
{
    /// Every stored event, processed or not (full count of the inbox).
    public const string CountInbox = "SELECT COUNT(*) FROM inbox";

    /// Events the pipeline has not processed yet (ix_inbox_unprocessed, a partial index).
    public const string CountUnprocessed = "SELECT COUNT(*) FROM inbox WHERE processed_at IS NULL";

    /// Events the pipeline set aside after they failed twice (full scan; run once at the end).
    public const string CountPoisoned = "SELECT COUNT(*) FROM inbox WHERE poisoned_reason IS NOT NULL";
}
