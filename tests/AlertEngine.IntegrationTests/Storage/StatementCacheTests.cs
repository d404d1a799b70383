using AlertEngine.IntegrationTests.Support;
using AlertEngine.Storage;
using AlertEngine.Tickets;
using Dapper;
using Microsoft.Data.Sqlite;

namespace AlertEngine.IntegrationTests.Storage;

public sealed class StatementCacheTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();
    private readonly SqliteConnectionFactory _connections;

    public StatementCacheTests()
    {
        _connections = _db.Migrate();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Prepared_SameSqlOnOneConnection_ReusesTheCommandBoundToTheCurrentTransaction()
    {
        using var connection = _connections.Open();

        SqliteCommand first;
        using (var transaction = connection.BeginTransaction())
        {
            first = new DbSession(connection, transaction).Prepared(TicketSql.FindByNumber);
            Assert.Same(transaction, first.Transaction);
        }

        using (var transaction = connection.BeginTransaction())
        {
            var second = new DbSession(connection, transaction).Prepared(TicketSql.FindByNumber);
            Assert.Same(first, second);
            Assert.Same(transaction, second.Transaction);
        }

        using var other = _connections.Open();
        using var otherTransaction = other.BeginTransaction();
        Assert.NotSame(first, new DbSession(other, otherTransaction).Prepared(TicketSql.FindByNumber));
    }

    [Fact]
    public void Prepared_RolledBackTransaction_LeavesNothingAndTheNextCommitKeepsItsRows()
    {
        using var connection = _connections.Open();
        using (var transaction = connection.BeginTransaction())
        {
            var opened = TicketStore.OpenAlert(new DbSession(connection, transaction), Alert("rolled-back"), Now);
            Assert.Equal("1001", opened.Number);
            transaction.Rollback();
        }

        Assert.Equal(0, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM tickets"));

        using (var transaction = connection.BeginTransaction())
        {
            var session = new DbSession(connection, transaction);
            var opened = TicketStore.OpenAlert(session, Alert("kept"), Now);
            TicketStore.AddTimeline(session, opened.Id, new TimelineEntry(Now, "opened", "test", "zabbix", "kept"), inboxId: null);
            transaction.Commit();
        }

        Assert.Equal("kept", Assert.Single(connection.Query<string>("SELECT correlation_key FROM tickets")));
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT COUNT(*) FROM ticket_timeline"));
    }

    [Fact]
    public void Prepared_ParameterGivenNullAfterAValue_BindsNull()
    {
        using var connection = _connections.Open();
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);
        var ticket = TicketStore.OpenAlert(session, Alert("key"), Now);

        TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(Now, "first", "someone", "zabbix", "with an actor"), inboxId: null);
        TicketStore.AddTimeline(session, ticket.Id, new TimelineEntry(Now, "second", null, "zabbix", "without one"), inboxId: null);

        Assert.Null(Assert.Single(connection.Query<string?>("SELECT actor FROM ticket_timeline WHERE kind = 'second'", transaction: transaction)));
    }

    [Fact]
    public void Close_Connection_DisposesItsCachedCommands()
    {
        var connection = _connections.Open();
        StatementCache cache;
        using (var transaction = connection.BeginTransaction())
        {
            TicketStore.FindOpenAlertByKey(new DbSession(connection, transaction), "key");
            cache = StatementCache.For(connection);
            Assert.Equal(1, cache.Count);
        }

        connection.Dispose();

        Assert.Equal(0, cache.Count);
        Assert.Throws<InvalidOperationException>(() => StatementCache.For(connection));
    }

    [Fact]
    public void SingleOrDefault_FirstRowWithNullsThenValues_ReadsEveryRowWithTheKeptParser()
    {
        using var connection = _connections.Open();
        connection.Execute("CREATE TABLE kept_parser (id INTEGER PRIMARY KEY, amount INTEGER, label TEXT)");
        connection.Execute("INSERT INTO kept_parser (id, amount, label) VALUES (1, NULL, NULL), (2, 42, 'full'), (3, 7, NULL)");
        const string Sql = """
            SELECT id AS Id, amount AS Amount, label AS Label,
                (SELECT label FROM kept_parser k WHERE k.id = kept_parser.id) AS Derived
            FROM kept_parser WHERE id = @id
            """;
        using var transaction = connection.BeginTransaction();
        var session = new DbSession(connection, transaction);

        KeptParserRow? Read(long id) => session.Prepared(Sql).With("id", id).SingleOrDefault<KeptParserRow>();

        Assert.Equivalent(new KeptParserRow { Id = 1 }, Read(1), strict: true);
        Assert.Equivalent(new KeptParserRow { Id = 2, Amount = 42, Label = "full", Derived = "full" }, Read(2), strict: true);
        Assert.Equivalent(new KeptParserRow { Id = 3, Amount = 7 }, Read(3), strict: true);
        Assert.Null(Read(4));
        Assert.Equivalent(new KeptParserRow { Id = 2, Amount = 42, Label = "full", Derived = "full" }, Read(2), strict: true);
    }

    [Fact]
    public void Rows_OutsideATransaction_ReadsEveryRowInOrderWithTheKeptParser()
    {
        using var connection = _connections.Open();
        connection.Execute("CREATE TABLE kept_rows (id INTEGER PRIMARY KEY, amount INTEGER, label TEXT)");
        connection.Execute("INSERT INTO kept_rows (id, amount, label) VALUES (1, NULL, NULL), (2, 42, 'full'), (3, 7, NULL)");
        const string Sql = "SELECT id AS Id, amount AS Amount, label AS Label, label AS Derived FROM kept_rows WHERE id >= @from ORDER BY id";

        List<KeptParserRow> Read(long from) => connection.Prepared(Sql).With("from", from).Rows<KeptParserRow>();

        // The first read makes the parser from a row of NULLs; the same command then reads values with it.
        Assert.Equivalent(
            new[]
            {
                new KeptParserRow { Id = 1 },
                new KeptParserRow { Id = 2, Amount = 42, Label = "full", Derived = "full" },
                new KeptParserRow { Id = 3, Amount = 7 },
            },
            Read(1),
            strict: true);
        Assert.Empty(Read(4));
        Assert.Equivalent(new[] { new KeptParserRow { Id = 3, Amount = 7 } }, Read(3), strict: true);
        Assert.Equal(1, StatementCache.For(connection).Count);
    }

    private sealed class KeptParserRow
    {
        public long Id { get; set; }
        public long? Amount { get; set; }
        public string? Label { get; set; }
        public string? Derived { get; set; }
    }

    private static NewAlert Alert(string key) =>
        new(SupportLevel.L3, "nc", "ops", "Disk full", "zbx", "1", "srv-nc-db", null, 3, key, Now);
}
