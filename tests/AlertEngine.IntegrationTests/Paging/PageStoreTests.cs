using AlertEngine.IntegrationTests.Support;
using AlertEngine.Outbox;
using AlertEngine.Paging;
using AlertEngine.Storage;
using AlertEngine.Tickets;

namespace AlertEngine.IntegrationTests.Paging;

public sealed class PageStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 3, 0, 0, TimeSpan.Zero);

    private readonly TempDatabase _db = new();
    private readonly SqliteConnectionFactory _connections;

    public PageStoreTests()
    {
        _connections = _db.Migrate();
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void ListDue_MorePagesDueThanOneTurn_ReadsTheLimitMostSevereFirstAndLeavesOutTheNotDueAndTheSent()
    {
        using var connection = _connections.Open();
        using (var transaction = connection.BeginTransaction())
        {
            var session = new DbSession(connection, transaction);
            var ticket = TicketStore.OpenAlert(session, new NewAlert(SupportLevel.L4, "nc", "ops", "Disk full", "zbx", "1", "srv-nc-db", null, 2, "key", Now), Now);
            for (var i = 0; i < PageSql.ListDueLimit + 20; i++)
            {
                Plan(session, ticket, $"l4-{i}", SupportLevel.L4, Now - TimeSpan.FromMinutes(5));
            }

            // Planned last, so oldest-first alone would leave them past the limit.
            Plan(session, ticket, "l1-a", SupportLevel.L1, Now);
            Plan(session, ticket, "l1-b", SupportLevel.L1, Now);
            Plan(session, ticket, "l2-later", SupportLevel.L2, Now + TimeSpan.FromSeconds(1));
            Plan(session, ticket, "l1-sent", SupportLevel.L1, Now);
            var sent = connection.Prepared("SELECT id FROM outbox WHERE dedup_key = 'l1-sent'", transaction).ScalarInt64()!.Value;
            PageStore.MarkSending(session, sent, "text", bundledInto: null);
            PageStore.Finish(session, sent, OutboxState.Sent, Now, null, "SM1");
            transaction.Commit();
        }

        var due = PageStore.ListDue(connection, Now);
        var again = PageStore.ListDue(connection, Now);

        Assert.Equal(PageSql.ListDueLimit, due.Count);
        Assert.Equal([SupportLevel.L1, SupportLevel.L1], due.Take(2).Select(p => p.Payload.Level));
        Assert.All(due.Skip(2), p => Assert.Equal(SupportLevel.L4, p.Payload.Level));
        Assert.Equal(due.Skip(2).Select(p => p.Id).Order(), due.Skip(2).Select(p => p.Id));
        Assert.DoesNotContain(due, p => p.Message.DedupKey is "l2-later" or "l1-sent");
        Assert.Equal(due.Select(p => p.Id), again.Select(p => p.Id));
    }

    private static void Plan(DbSession session, Ticket ticket, string key, SupportLevel level, DateTimeOffset dueAt) =>
        Assert.True(PageStore.Add(
            session,
            ticket.Id,
            PageChannel.Sms,
            "+8613800000001",
            new PagePayload(ticket.Number, level, "nc", "srv-nc-db", "Disk full", "chen.jie", "Chen Jie", PageLanguage.English, 0, "test"),
            key,
            dueAt,
            Now));
}
