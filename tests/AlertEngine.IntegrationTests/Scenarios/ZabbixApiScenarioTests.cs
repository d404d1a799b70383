using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AlertEngine.IntegrationTests.Support;
using Dapper;

namespace AlertEngine.IntegrationTests.Scenarios;

/// <summary>
/// The whole engine against a Zabbix API played by WireMock (6.0 and 7.0): the poller finds what
/// the webhook missed, an event that came both ways is one ticket, an acknowledgement made in
/// AlertEngine is written back with the exact request the version needs, and a Zabbix whose API
/// goes away opens the "monitoring blind" L1 ticket, which resolves itself when it comes back.
/// </summary>
public sealed class ZabbixApiScenarioTests : IAsyncDisposable
{
    private const string Token = "zabbix-api-token-of-zbx-a";

    // Event 51 as Zabbix 6.0.14 holds it while open: acknowledged by Admin with a message (reference sample, r_eventid 0).
    private const string Event51 = """
        [{"eventid":"51","objectid":"23137","clock":"1795638019","name":"App health critical on srv-acme-web1","severity":"4",
          "r_eventid":"0","acknowledged":"1","suppressed":"0","opdata":"Health value: 5",
          "hosts":[{"hostid":"10560","host":"srv-acme-web1","name":"srv-acme-web1"}],
          "tags":[{"tag":"service","value":"web"},{"tag":"customer","value":"acme"}],
          "acknowledges":[{"acknowledgeid":"8","userid":"1","eventid":"51","clock":"1795638024",
            "message":"round 1: acknowledged by the e2e harness","action":"6","old_severity":"0","new_severity":"0"}]}]
        """;

    private readonly TempDatabase _db = new();
    private ZabbixMock? _zabbix;
    private EngineHost? _engine;

    public static TheoryData<string> Versions => ["6.0.14", "7.0.5"];

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Poller_OpenProblemTheWebhookNeverDelivered_TicketOpenedAndAcknowledgedByTheZabbixUser(string version)
    {
        var zabbix = HoldingEvent51(version);
        var engine = await StartEngineAsync(zabbix);

        var ticket = await WaitForTicketAsync(engine, t => t.State == "acknowledged");

        Assert.Equal(("ALERT", "L2", "acme", "App health critical on srv-acme-web1"), (ticket.Type, ticket.Level, ticket.Customer, ticket.Title));
        Assert.Equal("Zabbix Administrator (Admin)", ticket.AcknowledgedBy);
        Assert.Equal(["poller", "poller"], await InboxSourcesAsync(engine));
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task Poller_ProblemAndAcknowledgementAlsoDeliveredByWebhook_OneTicketOneAcknowledgement(string version)
    {
        var zabbix = HoldingEvent51(version);
        var engine = await StartEngineAsync(zabbix);
        foreach (var body in new[] { Samples.Problem, Samples.Update })
        {
            using var response = await engine.PostEventAsync(body);
            Assert.True(response.IsSuccessStatusCode);
        }

        // Whichever came first, the poller has asked about event 51 by now and the webhook has delivered.
        await Eventually.TrueAsync(() => zabbix.Requests("event.get").Any(r => r["params"]!["eventids"] is JsonArray ids && ids.Count == 1 && (string?)ids[0] == "51"), 15, "the poller asking about event 51");
        await engine.WaitForProcessingAsync();

        var ticket = await engine.GetAsync(Assert.Single(await engine.ListAsync()).Number);
        Assert.Equal(("acknowledged", "Zabbix Administrator (Admin)"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Single(ticket.Timeline!, t => t.Kind == "acknowledged");
        Assert.Equal(2, (await InboxSourcesAsync(engine)).Count);
    }

    [Theory]
    [MemberData(nameof(Versions))]
    public async Task WriteBack_AcknowledgedThroughTheApi_ExactEventAcknowledgeRequestForTheVersion(string version)
    {
        var zabbix = HoldingEvent51(version);
        var unacknowledged = JsonNode.Parse(Event51)!.AsArray();
        unacknowledged[0]!["acknowledged"] = "0";
        unacknowledged[0]!["acknowledges"] = new JsonArray();
        zabbix.RespondTo("event.get", unacknowledged.ToJsonString());
        zabbix.RespondWhen("event.get", """{"sortorder":"DESC","limit":1}""", """[{"eventid":"51"}]""");
        zabbix.RespondTo("event.acknowledge", """{"eventids":["51"]}""");
        var engine = await StartEngineAsync(zabbix, webhookOnly: true);
        using (var response = await engine.PostEventAsync(Samples.Problem))
        {
            Assert.True(response.IsSuccessStatusCode);
        }

        await engine.WaitForProcessingAsync();
        var number = Assert.Single(await engine.ListAsync()).Number;

        using (var ack = await engine.ActAsync(number, "acknowledge", new { by = "alice" }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await Eventually.TrueAsync(() => zabbix.Received("event.acknowledge").Count > 0, 15, "the write-back reaching Zabbix");
        var request = Assert.Single(zabbix.Received("event.acknowledge"));
        var message = $"[AlertEngine] Acknowledged by alice ({EngineHost.DeskToken}) via api — ticket {number}";
        var expected = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["method"] = "event.acknowledge",
            ["params"] = new JsonObject { ["eventids"] = new JsonArray("51"), ["action"] = 6, ["message"] = message },
        };
        if (version.StartsWith("6.0", StringComparison.Ordinal))
        {
            expected["auth"] = Token;
            Assert.Null(request.Authorization);
        }
        else
        {
            Assert.Equal($"Bearer {Token}", request.Authorization);
        }

        expected["id"] = request.Body["id"]!.DeepClone();
        Assert.True(JsonNode.DeepEquals(expected, request.Body), request.Body.ToJsonString());
    }

    [Fact]
    public async Task WriteBack_OurAcknowledgementPolledBackFromZabbix_ConfirmedOnTimelineNoLoop()
    {
        var zabbix = HoldingEvent51("6.0.14");
        var open = JsonNode.Parse(Event51)!.AsArray();
        open[0]!["acknowledged"] = "0";
        open[0]!["acknowledges"] = new JsonArray();
        zabbix.RespondTo("event.get", open.ToJsonString());
        zabbix.RespondWhen("event.get", """{"sortorder":"DESC","limit":1}""", """[{"eventid":"51"}]""");
        zabbix.RespondTo("event.acknowledge", """{"eventids":["51"]}""");
        var engine = await StartEngineAsync(zabbix);
        var number = (await WaitForTicketAsync(engine, t => t.State == "open")).Number;

        using (var ack = await engine.ActAsync(number, "acknowledge", new { by = "alice" }))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        await Eventually.TrueAsync(() => zabbix.Received("event.acknowledge").Count > 0, 15, "the write-back reaching Zabbix");
        var message = (string)zabbix.Requests("event.acknowledge")[0]["params"]!["message"]!;

        // Zabbix now holds our acknowledgement, made by the engine's API user: the poller brings it back.
        var acknowledged = JsonNode.Parse(Event51)!.AsArray();
        acknowledged[0]!["acknowledges"] = new JsonArray(new JsonObject
        {
            ["acknowledgeid"] = "9",
            ["userid"] = "3",
            ["eventid"] = "51",
            ["clock"] = "1795638100",
            ["message"] = message,
            ["action"] = "6",
            ["old_severity"] = "0",
            ["new_severity"] = "0",
        });
        zabbix.RespondTo("event.get", acknowledged.ToJsonString());
        zabbix.RespondWhen("event.get", """{"sortorder":"DESC","limit":1}""", """[{"eventid":"51"}]""");

        await Eventually.TrueAsync(async () => (await engine.GetAsync(number)).Timeline!.Any(t => t.Kind == "write-back-confirmed"), 20, "the write-back confirmed on the timeline");
        var ticket = await engine.GetAsync(number);
        Assert.Equal(("acknowledged", $"alice ({EngineHost.DeskToken})"), (ticket.State, ticket.AcknowledgedBy));
        Assert.Single(ticket.Timeline!, t => t.Kind == "write-back");
        Assert.Single(zabbix.Received("event.acknowledge"));
    }

    [Fact]
    public async Task Blind_ZabbixApiGoneLongerThanBlindAfter_L1TicketOpensThenResolvesWhenItAnswers()
    {
        var zabbix = HoldingEvent51("7.0.5");
        zabbix.GoAway();
        var engine = await StartEngineAsync(zabbix);

        var blind = await WaitForTicketAsync(engine, t => t.Title == "monitoring blind: zbx-a" && t.State == "open");
        Assert.Equal(("ALERT", "L1"), (blind.Type, blind.Level));
        var health = await engine.Client.GetFromJsonAsync<JsonObject>("/healthz", TestContext.Current.CancellationToken);
        Assert.Equal("degraded", (string?)health!["status"]);
        var server = health["zabbix"]!.AsArray().Single(z => (string?)z!["server"] == "zbx-a")!;
        Assert.Equal(("unreachable", blind.Number), ((string?)server["api"], (string?)server["blindTicket"]));

        zabbix.ComeBack();

        var resolved = await WaitForTicketAsync(engine, t => t.Number == blind.Number && t.State == "resolved", seconds: 20);
        Assert.Equal("AlertEngine", resolved.ResolvedBy);
        var detail = await engine.GetAsync(blind.Number);
        Assert.Equal([("opened", "watch"), ("resolved", "watch")], detail.Timeline!.Where(t => t.Channel == "watch").Select(t => (t.Kind, t.Channel)));
        // Opened by the watch, outside the pipeline, the blind L1 ticket still pages the engineer on duty.
        Assert.Contains(detail.Timeline!, t => t.Kind == "escalation" && t.Text.StartsWith("Escalation step 1", StringComparison.Ordinal));
        Assert.Contains("has not answered since", detail.Timeline![0].Text, StringComparison.Ordinal);
    }

    public async ValueTask DisposeAsync()
    {
        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        if (_zabbix is not null)
        {
            await _zabbix.DisposeAsync();
        }

        _db.Dispose();
    }

    /// <summary>A Zabbix of this version holding open problem 51, acknowledged by Admin.</summary>
    private ZabbixMock HoldingEvent51(string version)
    {
        var zabbix = _zabbix = ZabbixMock.Start(version);
        var groups = version.StartsWith("6.0", StringComparison.Ordinal) ? "groups" : "hostgroups";
        zabbix.RespondTo("event.get", Event51);
        zabbix.RespondWhen("event.get", """{"sortorder":"DESC","limit":1}""", """[{"eventid":"51"}]""");
        zabbix.RespondTo("problem.get", """[{"eventid":"51","objectid":"23137","clock":"1795638019","name":"App health critical on srv-acme-web1","severity":"4"}]""");
        zabbix.RespondTo("host.get", $$"""[{"hostid":"10560","{{groups}}":[{"groupid":"22","name":"Customers/acme"}]}]""");
        zabbix.RespondTo("user.get", """[{"userid":"1","username":"Admin","name":"Zabbix","surname":"Administrator"}]""");
        return zabbix;
    }

    /// <summary>The engine with zbx-a's API on the mock; <paramref name="webhookOnly"/> keeps the poller away (a long poll interval after its first run).</summary>
    private async Task<EngineHost> StartEngineAsync(ZabbixMock zabbix, bool webhookOnly = false)
    {
        var api = $"Zabbix:Servers:{EngineHost.ServerA}:Api";
        _engine = await EngineHost.StartAsync(_db.Path, new Dictionary<string, string?>
        {
            [$"{api}:Url"] = zabbix.Url,
            [$"{api}:Token"] = Token,
            [$"{api}:PollInterval"] = webhookOnly ? "01:00:00" : "00:00:05",
            // Long enough that a loaded test machine never makes a slow answer look like an API gone blind.
            [$"{api}:Timeout"] = "00:00:05",
            [$"{api}:ReadRetries"] = "0",
            [$"{api}:BreakDuration"] = "00:00:00.500",
            [$"{api}:BlindAfter"] = "00:00:01",
            ["Watch:Interval"] = "00:00:01",
            // The blind ticket is opened by the watch, outside the pipeline: the escalation job pages it.
            ["Paging:EscalationInterval"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        return _engine;
    }

    private static async Task<TicketApi.TicketDto> WaitForTicketAsync(EngineHost engine, Func<TicketApi.TicketDto, bool> wanted, int seconds = 15)
    {
        TicketApi.TicketDto? found = null;
        await Eventually.TrueAsync(async () => (found = (await engine.ListAsync()).FirstOrDefault(wanted)) is not null, seconds, "the ticket awaited");
        return found!;
    }

    private static async Task<List<string>> InboxSourcesAsync(EngineHost engine)
    {
        await using var connection = engine.Connections.Open();
        return [.. await connection.QueryAsync<string>("SELECT source FROM inbox WHERE event_id = '51' ORDER BY id")];
    }
}
