using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using WireMock.Logging;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// A Zabbix JSON-RPC API on 127.0.0.1 (WireMock, dynamic port), in Zabbix words. It answers
/// <c>apiinfo.version</c> with its version and <c>user.login</c> with <see cref="SessionId"/>
/// from the start; tests add replies per method (matched by the JSON-RPC <c>method</c> in the
/// body), make the server slow, failing or gone, and read back what it received:
/// <code>
/// await using var zabbix = ZabbixMock.Start(version: "7.0.5");
/// zabbix.RespondTo("event.get", """[{"eventid":"51", ...}]""");
/// zabbix.RespondError("event.get", -32602, "Invalid params.", "Not authorized.", times: 1);
/// var bodies = zabbix.Requests("event.acknowledge");
/// </code>
/// A newer reply for a method wins over an older one; a reply with <c>times</c> answers that
/// many requests, then the older ones answer again.
/// </summary>
internal sealed class ZabbixMock : IAsyncDisposable
{
    public const string Path = "/api_jsonrpc.php";

    /// <summary>What <c>user.login</c> returns.</summary>
    public const string SessionId = "0424bd59b807674191e7d77572075f33";

    private readonly List<Action<WireMockServer>> _stubs = [];
    private readonly List<ILogEntry> _earlierLog = [];
    private readonly int _port;
    private WireMockServer? _server;
    private int _priority = 1_000_000;

    private ZabbixMock(string version)
    {
        _port = FreePort();
        Version = version;
        _server = Listen();
        Stub("apiinfo.version", Result(JsonValue.Create(version)));
        Stub("user.login", Result(JsonValue.Create(SessionId)));
    }

    public string Version { get; }

    /// <summary>The API address to put in <c>Api:Url</c>.</summary>
    public string Url => $"http://127.0.0.1:{_port}{Path}";

    /// <summary>Starts a mock Zabbix of this version (apiinfo.version answers it).</summary>
    public static ZabbixMock Start(string version = "6.0.14") => new(version);

    /// <summary>Answers <paramref name="method"/> with this <c>result</c> (JSON text: an array, object, string…).</summary>
    public void RespondTo(string method, string resultJson, int? times = null) =>
        Stub(method, Result(JsonNode.Parse(resultJson)), times);

    /// <summary>
    /// Answers <paramref name="method"/> with this result only when its <c>params</c> contain
    /// <paramref name="paramsMatch"/> (JSON, partial: e.g. <c>{"eventids":["51"]}</c>); other calls
    /// of the method get the other replies. A Zabbix holding several events answers each question.
    /// </summary>
    public void RespondWhen(string method, string paramsMatch, string resultJson) =>
        Stub(method, Result(JsonNode.Parse(resultJson)), paramsMatch: JsonNode.Parse(paramsMatch));

    /// <summary>Answers <paramref name="method"/> with a JSON-RPC error (HTTP 200, as Zabbix does).</summary>
    public void RespondError(string method, int code, string message, string? data = null, int? times = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }

        Stub(method, Reply(new JsonObject { ["jsonrpc"] = "2.0", ["error"] = error, ["id"] = 1 }), times);
    }

    /// <summary>Answers <paramref name="method"/> (every method when null) with an HTTP status and no JSON-RPC body.</summary>
    public void RespondHttp(HttpStatusCode status, string? method = null, int? times = null) =>
        Stub(method, () => Response.Create().WithStatusCode(status).WithBody(status.ToString()), times);

    /// <summary>Answers <paramref name="method"/> with this result only after <paramref name="delay"/>.</summary>
    public void Slow(string method, TimeSpan delay, string resultJson = "[]") =>
        Stub(method, () => Result(JsonNode.Parse(resultJson))().WithDelay(delay));

    /// <summary>Stops listening: connections are refused until <see cref="ComeBack"/>.</summary>
    public void GoAway()
    {
        if (_server is { } server)
        {
            _earlierLog.AddRange(server.LogEntries);
            server.Stop();
            server.Dispose();
            _server = null;
        }
    }

    /// <summary>Listens again on the same port with the same replies (a reply given <c>times</c> counts afresh).</summary>
    public void ComeBack()
    {
        _server ??= Listen();
    }

    /// <summary>The <c>params</c>-carrying JSON bodies received for <paramref name="method"/>, oldest first.</summary>
    public IReadOnlyList<JsonObject> Requests(string method) => [.. Received(method).Select(r => r.Body)];

    /// <summary>Requests received for <paramref name="method"/> (every method when null): body and Authorization header.</summary>
    public IReadOnlyList<ZabbixRequest> Received(string? method = null) =>
    [
        .. _earlierLog.Concat(_server?.LogEntries ?? [])
            .Where(e => e.RequestMessage is not null)
            .OrderBy(e => e.RequestMessage!.DateTime)
            .Select(e => new ZabbixRequest(
                JsonNode.Parse(e.RequestMessage!.Body ?? "{}")!.AsObject(),
                e.RequestMessage!.Headers is { } headers && headers.TryGetValue("Authorization", out var values) ? values.FirstOrDefault() : null,
                e.RequestMessage!.Headers is { } h && h.TryGetValue("Content-Type", out var types) ? types.FirstOrDefault() : null))
            .Where(r => method is null || (string?)r.Body["method"] == method),
    ];

    public ValueTask DisposeAsync()
    {
        _server?.Stop();
        _server?.Dispose();
        _server = null;
        return ValueTask.CompletedTask;
    }

    private static Func<IResponseBuilder> Result(JsonNode? result) =>
        Reply(new JsonObject { ["jsonrpc"] = "2.0", ["result"] = result, ["id"] = 1 });

    private static Func<IResponseBuilder> Reply(JsonObject body)
    {
        var text = body.ToJsonString();
        return () => Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private WireMockServer Listen()
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{_port}"], StartAdminInterface = false });
        foreach (var stub in _stubs)
        {
            stub(server);
        }

        return server;
    }

    private void Stub(string? method, Func<IResponseBuilder> response, int? times = null, JsonNode? paramsMatch = null)
    {
        var priority = --_priority;
        var scenario = times is null ? null : $"{method ?? "any"}-{priority}";
        void Add(WireMockServer server)
        {
            var request = Request.Create().WithPath(Path).UsingPost();
            if (method is not null)
            {
                var match = new JsonObject { ["method"] = method };
                if (paramsMatch is not null)
                {
                    match["params"] = paramsMatch.DeepClone();
                }

                request = request.WithBody(new JsonPartialMatcher(match.ToJsonString()));
            }

            var given = server.Given(request).AtPriority(priority);
            if (scenario is not null)
            {
                given = given.InScenario(scenario).WillSetStateTo("used up", times);
            }

            given.RespondWith(response());
        }

        _stubs.Add(Add);
        if (_server is { } running)
        {
            Add(running);
        }
    }
}

/// <summary>One request the mock received: its JSON body and its Authorization and Content-Type headers.</summary>
internal sealed record ZabbixRequest(JsonObject Body, string? Authorization, string? ContentType)
{
    public string? Method => (string?)Body["method"];

    public JsonObject Params => Body["params"]!.AsObject();
}
