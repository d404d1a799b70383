using System.Globalization;
using AlertEngine.Ingest;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>An inbox writer on its own, over a migrated real SQLite file, and the events to give it.</summary>
internal static class InboxWriters
{
    /// <summary>A writer (not started) on <paramref name="databasePath"/>, migrated first, with the shipped ingest options.</summary>
    public static InboxWriter New(string databasePath, WriteGate gate, TimeProvider time, EngineMetrics metrics)
    {
        var connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = databasePath }));
        new Migrator(connections, NullLogger<Migrator>.Instance).Migrate();
        return new InboxWriter(connections, gate, new Doorbell(), time, Options.Create(new IngestOptions()), metrics, NullLogger<InboxWriter>.Instance);
    }

    /// <summary>Problem event number <paramref name="i"/> of the sample trigger, from webhook server A.</summary>
    public static IncomingEvent Event(int i)
    {
        var eventId = (70_000 + i).ToString(CultureInfo.InvariantCulture);
        return new IncomingEvent(new InboxKey(EngineHost.ServerA, eventId, "problem"), EventKind.Problem, 3, "13001", EventIntake.WebhookSource, Problem(eventId, T0));
    }
}
