using System.Net;
using AlertEngine.Ingest.Zabbix.Api;
using AlertEngine.IntegrationTests.Support;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// The whole engine writes back into Zabbix (zbx-a has an API, zbx-b has none): an engineer's
/// acknowledgement through the API acknowledges the Zabbix event with a message saying who, how
/// and which ticket; the update Zabbix sends back for it is recognised as ours and changes
/// nothing; a PROBLEM that opens is named on its ALERT's event; a server without an API gets nothing.
/// </summary>
public sealed class ZabbixWriteBackTests : EngineTestBase
{
    private readonly FakeZabbixApi _zabbix = new(EngineHost.ServerA);

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"Zabbix:Servers:{EngineHost.ServerA}:Api:Url"] = "https://zbx-a.example.com/api_jsonrpc.php",
        [$"Zabbix:Servers:{EngineHost.ServerA}:Api:Token"] = "api-token-of-zbx-a",
    };

    private protected override Action<IServiceCollection> Services =>
        services => services.Replace(ServiceDescriptor.Singleton<IZabbixApiClients>(new FakeZabbixApiClients(_zabbix)));

    [Fact]
    public async Task WriteBack_AcknowledgedThroughApi_ZabbixAcknowledgedAndItsEchoChangesNothing()
    {
        _zabbix.Hold("51");
        await DeliverAsync(Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;

        using (var ack = await Engine.ActAsync(number, "acknowledge", new { by = "alice" }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await Eventually.TrueAsync(() => OutboxStates().SequenceEqual(["sent"]), 10, "the outbox sender's work");
        var request = Assert.Single(_zabbix.Requests);
        var message = $"[AlertEngine] Acknowledged by alice ({EngineHost.DeskToken}) via api — ticket {number}";
        Assert.Equal(["51"], request.EventIds);
        Assert.Equal((ZabbixUpdateActions.Acknowledge | ZabbixUpdateActions.AddMessage, message), (request.Action, request.Message));

        await DeliverAsync(Samples.With(Samples.Update, o =>
        {
            o["update_message"] = message;
            o["update_user"] = "AlertEngine API (alertengine)";
        }));

        var ticket = await Engine.GetAsync(number);
        Assert.Equal(("acknowledged", $"alice ({EngineHost.DeskToken})"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Equal(["sent"], OutboxStates());
        Assert.Single(_zabbix.Requests);
        Assert.Equal(
            [("opened", "zabbix"), ("sla", "sla"), ("acknowledged", "api"), ("write-back", "zabbix"), ("write-back-confirmed", "zabbix")],
            ticket.Timeline!.WithoutPages().Select(t => (t.Kind, t.Channel)));
        Assert.Equal($"Acknowledged Zabbix events 51 on {EngineHost.ServerA}: {message}", ticket.Timeline!.WithoutPages().ElementAt(3).Text);
    }

    [Fact]
    public async Task WriteBack_ProblemTicketOpens_MessageNamingItOnItsAlertsEvent()
    {
        _zabbix.Hold("403");
        await DeliverAsync([.. Cycle("401", T0), .. Cycle("402", T0 + 3600), Problem("403", T0 + 7200)]);

        await Eventually.TrueAsync(() => OutboxStates().SequenceEqual(["sent"]), 10, "the outbox sender's work");

        var problem = Assert.Single(await Engine.ListAsync(), t => t.Type == "PROBLEM");
        var request = Assert.Single(_zabbix.Requests);
        Assert.Equal(["403"], request.EventIds);
        Assert.Equal((ZabbixUpdateActions.AddMessage, $"[AlertEngine] Recurring: PROBLEM ticket {problem.Number} opened — {problem.Title}"), (request.Action, request.Message));
        Assert.Contains((await Engine.GetAsync(problem.Number)).Timeline!, t => t.Kind == "write-back" && t.Text.StartsWith("Added a message to Zabbix events 403", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WriteBack_ServerWithoutApi_NothingPlannedNothingOnTimeline()
    {
        await DeliverToAsync(EngineHost.ServerB, Samples.Problem);
        var number = Assert.Single(await Engine.ListAsync()).Number;

        using (var ack = await Engine.ActAsync(number, "acknowledge"))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        using (var resolve = await Engine.ActAsync(number, "resolve"))
        {
            Assert.Equal(HttpStatusCode.OK, resolve.StatusCode);
        }

        Assert.Empty(OutboxStates());
        Assert.DoesNotContain((await Engine.GetAsync(number)).Timeline!, t => t.Kind == "write-back");
    }

    private List<string> OutboxStates()
    {
        using var connection = Engine.Connections.Open();
        return [.. connection.Query<string>("SELECT state FROM outbox WHERE kind NOT LIKE 'page.%' ORDER BY id")];
    }
}
