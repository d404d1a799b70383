using AlertEngine.Ingest.Zabbix;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Outbox;
using AlertEngine.Pipeline;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Outbox;

/// <summary>
/// The ticket desk, the Zabbix write-back planner and the outbox sender over a real migrated
/// SQLite file, with a fake clock and a fake Zabbix API for server <c>main</c>; the sender is
/// driven turn by turn (<see cref="SendDueAsync"/>) instead of by its background loop.
/// </summary>
internal sealed class WriteBackRig : IDisposable
{
    public const string Server = "main";

    private readonly TempDatabase _db = new();
    private readonly WriteGate _gate = new();

    public WriteBackRig(bool apiUrl = true, bool writeBack = true, OutboxOptions? outbox = null)
    {
        Connections = new SqliteConnectionFactory(Options.Create(new StorageOptions { DatabasePath = _db.Path }));
        new Migrator(Connections, NullLogger<Migrator>.Instance).Migrate();
        var zabbix = new ZabbixOptions();
        zabbix.Servers[Server] = new ZabbixServerOptions
        {
            WebhookSecret = "secret-for-main-0001",
            Api = new ZabbixApiOptions { Url = apiUrl ? "https://zabbix.example.com/api_jsonrpc.php" : "", WriteBack = writeBack },
        };
        WriteBack = new ZabbixWriteBack(Options.Create(zabbix));
        Desk = new TicketDesk(Connections, _gate, Clock, new EngineMetrics(), WriteBack, new OutboxDoorbell(), NullLogger<TicketDesk>.Instance);
        Sender = new OutboxSender(
            [new ZabbixWriteBackSender(new FakeZabbixApiClients(Zabbix), WriteBack)],
            Connections, _gate, new OutboxDoorbell(), Clock, Options.Create(outbox ?? new OutboxOptions()), NullLogger<OutboxSender>.Instance);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public FakeZabbixApi Zabbix { get; } = new(Server);

    public SqliteConnectionFactory Connections { get; }

    public ZabbixWriteBack WriteBack { get; }

    public TicketDesk Desk { get; }

    public OutboxSender Sender { get; }

    /// <summary>Opens an ALERT on trigger 23137 with these problem events on <c>main</c> (the recovered ones marked so); returns it.</summary>
    public Ticket OpenAlert(string[] eventIds, string[]? recovered = null)
    {
        using var connection = Connections.Open();
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);
        var now = Clock.GetUtcNow();
        var alert = TicketStore.OpenAlert(session, new NewAlert(SupportLevel.L2, "acme", null, "App health critical on srv-acme-web1", Server, "23137",
            "srv-acme-web1", "srv-acme-web1", 4, "key-23137", now.AddMinutes(-5)), now);
        foreach (var id in eventIds)
        {
            TicketStore.LinkEvent(session, alert.Id, Server, id, 4, now.AddMinutes(-5));
        }

        foreach (var id in recovered ?? [])
        {
            TicketStore.MarkEventRecovered(session, alert.Id, Server, id, id + "9", now);
        }

        transaction.Commit();
        return alert;
    }

    /// <summary>One turn of the sender; returns how many rows it read.</summary>
    public Task<int> SendDueAsync() => Sender.RunOnceAsync(TestContext.Current.CancellationToken);

    public IReadOnlyList<OutboxMessage> Rows(Ticket ticket)
    {
        using var connection = Connections.Open();
        return OutboxStore.ListByTicket(connection, ticket.Id);
    }

    public IReadOnlyList<TimelineEntry> WriteBackLines(Ticket ticket)
    {
        using var connection = Connections.Open();
        return [.. TicketStore.ListTimeline(connection, ticket.Id).Where(t => t.Kind == "write-back")];
    }

    /// <summary>What a crash mid-call leaves: the row marked sending with its attempt counted, nothing recorded after.</summary>
    public void LeaveSending(OutboxMessage row)
    {
        using var connection = Connections.Open();
        connection.Execute("UPDATE outbox SET state = 'sending', attempts = attempts + 1 WHERE id = @id", new { id = row.Id });
    }

    public void Dispose()
    {
        _gate.Dispose();
        _db.Dispose();
    }
}
