using System.Net;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Outbox;
using AlertEngine.Paging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Paging;

/// <summary>
/// Every way to acknowledge from a page — an SMS reply, a key press on the call, the signed one-tap
/// link — is recorded on the ticket with who and how, stops the escalation chain and queues the
/// write-back to Zabbix.
/// </summary>
public sealed class AcknowledgeFromAPageTests : PagingTestBase
{
    private readonly FakeZabbixApi _zabbix = new(EngineHost.ServerA);

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        [$"Zabbix:Servers:{EngineHost.ServerA}:Api:Url"] = "https://zbx-a.example.com/api_jsonrpc.php",
        [$"Zabbix:Servers:{EngineHost.ServerA}:Api:Token"] = "api-token-of-zbx-a",
    };

    private protected override Action<IServiceCollection> Services =>
        services => services.Replace(ServiceDescriptor.Singleton<IZabbixApiClients>(new FakeZabbixApiClients(_zabbix)));

    [Fact]
    public async Task SmsReplyWithAValidSignature_AcknowledgesStopsTheChainAndQueuesTheWriteBack()
    {
        var number = await PagedDisasterAsync("811");

        using (var reply = await ReplyBySmsAsync("zhang.wei", $"ACK {number}", "SMreply811"))
        {
            Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
            Assert.Equal("text/xml", reply.Content.Headers.ContentType?.MediaType);
            Assert.Contains($"{number} acknowledged", await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var ticket = await Engine.GetAsync(number);
        Assert.Equal(("acknowledged", "张伟"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Contains(ticket.Timeline!, t => t.Kind == "acknowledged" && t.Channel == "sms" && t.Actor == "张伟");
        Assert.Contains(WriteBacks(), w => w.Kind == "zabbix.acknowledge");

        await AdvanceAsync(TimeSpan.FromHours(1));
        await PagesSettledAsync();
        Assert.Equal((1, 1), (Twilio.Sms().Count, Twilio.Calls().Count));
        using var connection = Engine.Connections.Open();
        var chain = EscalationStore.Find(connection, Dapper.SqlMapper.QuerySingle<long>(connection, "SELECT id FROM tickets WHERE number = @number", new { number }))!;
        Assert.Equal(("stopped", "acknowledged by 张伟"), (chain.State, chain.StopReason));
    }

    [Fact]
    public async Task SameSmsDeliveredTwice_AnsweredAlikeAndChangesNothing()
    {
        var number = await PagedDisasterAsync("812");
        string first;
        using (var reply = await ReplyBySmsAsync("zhang.wei", "1", "SMtwice"))
        {
            first = await reply.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        }

        using var again = await ReplyBySmsAsync("zhang.wei", "1", "SMtwice");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(first, await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var ticket = await Engine.GetAsync(number);
        Assert.Equal("acknowledged", ticket.State);
        Assert.Single(ticket.Timeline!, t => t.Kind == "acknowledged");
        Assert.Single(WriteBacks(), w => w.Kind == "zabbix.acknowledge");
    }

    [Fact]
    public async Task KeyPressOnTheCall_AcknowledgesAsThePagedPerson()
    {
        var number = await PagedDisasterAsync("813");
        var call = Assert.Single(Pages(), p => p.Channel == PageChannel.Call);

        using var response = await PostTwilioAsync($"/api/v1/twilio/call/{call.Id}/key", new Dictionary<string, string>
        {
            ["CallSid"] = call.ProviderId!,
            ["Digits"] = "1",
            ["From"] = From,
            ["To"] = call.Phone,
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Say", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var ticket = await Engine.GetAsync(number);
        Assert.Equal(("acknowledged", "张伟"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Contains(ticket.Timeline!, t => t.Kind == "acknowledged" && t.Channel == "call");
    }

    [Fact]
    public async Task OneTapLink_ConfirmPageThenAcknowledgesOnce_TamperedAndExpiredRejected()
    {
        var number = await PagedDisasterAsync("814");
        var link = LinkIn(Assert.Single(SmsTo("zhang.wei")).Body!);
        var path = new Uri(link).AbsolutePath;
        var client = Engine.CreateClient(bearer: null);

        using (var show = await client.GetAsync(path, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, show.StatusCode);
            Assert.Contains("Acknowledge as 张伟", await show.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        Assert.Equal("open", (await Engine.GetAsync(number)).State);
        var tampered = path[..^1] + (path[^1] == 'A' ? 'B' : 'A');
        using (var bad = await client.PostAsync(tampered, null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }

        Assert.Equal("open", (await Engine.GetAsync(number)).State);
        using (var first = await client.PostAsync(path, null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using (var second = await client.PostAsync(path, null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        }

        var ticket = await Engine.GetAsync(number);
        Assert.Equal(("acknowledged", "张伟"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Single(ticket.Timeline!, t => t.Kind == "acknowledged" && t.Channel == "link");

        Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        using var expired = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
    }

    [Fact]
    public async Task AcknowledgedInTheZabbixFrontend_ChainStopsNoBackupPaged()
    {
        var number = await PagedDisasterAsync("815");
        var clock = Time.GetUtcNow().ToUnixTimeSeconds();
        await DeliverAsync(Samples.With(Samples.Update, o =>
        {
            o["event_id"] = "815";
            o["clock"] = clock;
            o["severity"] = 5;
            o["update_clock"] = clock + 60;
        }));
        Assert.Equal("acknowledged", (await Engine.GetAsync(number)).State);

        await AdvanceAsync(TimeSpan.FromMinutes(20));
        await PagesSettledAsync();
        Assert.Equal((1, 1), (Twilio.Sms().Count, Twilio.Calls().Count));
        Assert.Empty(SmsTo("li.na"));
    }

    private async Task<string> PagedDisasterAsync(string eventId)
    {
        _zabbix.Hold(eventId);
        await DeliverAsync(Problem(eventId, Time.GetUtcNow().ToUnixTimeSeconds(), o => o["severity"] = 5));
        await Eventually.TrueAsync(() => SmsTo("zhang.wei").Count == 1 && CallsTo("zhang.wei").Count == 1, 10, "the first SMS and call");
        await PagesSettledAsync();
        return Assert.Single(await Engine.ListAsync()).Number;
    }

    private IReadOnlyList<OutboxMessage> WriteBacks()
    {
        using var connection = Engine.Connections.Open();
        var ticket = Dapper.SqlMapper.QuerySingle<long>(connection, "SELECT id FROM tickets LIMIT 1");
        return [.. OutboxStore.ListByTicket(connection, ticket).Where(m => m.Kind.StartsWith("zabbix.", StringComparison.Ordinal))];
    }

    private static string LinkIn(string sms)
    {
        var start = sms.IndexOf(PublicBaseUrl + "/a/", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no one-tap link in: {sms}");
        var end = sms.IndexOfAny([' ', '\n'], start);
        return end < 0 ? sms[start..] : sms[start..end];
    }
}
