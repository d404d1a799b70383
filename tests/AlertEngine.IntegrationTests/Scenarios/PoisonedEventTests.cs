using System.Text.Json;
using AlertEngine.Ingest;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>An event that cannot be processed is set aside and never blocks the events behind it.</summary>
public sealed class PoisonedEventTests : EngineTestBase
{
    [Fact]
    public async Task Runner_DamagedInboxRow_SetAsideAndLaterEventsProcessed()
    {
        await Engine.DisposeAsync();
        StoreDamagedRow();

        await RestartAsync();
        await DeliverAsync(Samples.Problem);

        Assert.Single(await Engine.ListAsync());
        using var health = JsonDocument.Parse(await Engine.Client.GetStringAsync("/healthz", TestContext.Current.CancellationToken));
        Assert.Equal(1, health.RootElement.GetProperty("inbox").GetProperty("poisoned").GetInt64());
    }

    private void StoreDamagedRow()
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        var damaged = new IncomingEvent(new InboxKey(EngineHost.ServerA, "1", "problem"), EventKind.Problem, 5, "1", EventIntake.WebhookSource, "{ damaged");
        using var insert = new InboxInsert(connection);
        insert.Run(transaction, [damaged], TimeProvider.System.GetUtcNow());
        transaction.Commit();
    }
}
