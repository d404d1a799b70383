using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// Twilio's REST API for one account on 127.0.0.1 (WireMock, dynamic port), in paging words. Point
/// <c>Twilio:ApiBaseUrl</c> at <see cref="BaseUrl"/>; the real Twilio library then talks to it:
/// <code>
/// await using var twilio = TwilioMock.Start();
/// twilio.AcceptSms();
/// twilio.FailSms(400, 21211, "The 'To' number is not a valid phone number.");
/// var sms = Assert.Single(twilio.Sms());
/// </code>
/// A newer reply wins over an older one; <see cref="FailOnceThenAccept"/> answers one request
/// with the error, then accepts.
/// </summary>
internal sealed class TwilioMock : IAsyncDisposable
{
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";

    private readonly WireMockServer _server;
    private int _priority = 1_000_000;

    private TwilioMock()
    {
        var port = FreePort();
        _server = WireMockServer.Start(new WireMockServerSettings { Urls = [$"http://127.0.0.1:{port}"], StartAdminInterface = false });
        BaseUrl = $"http://127.0.0.1:{port}";
    }

    /// <summary>What to put in <c>Twilio:ApiBaseUrl</c>.</summary>
    public string BaseUrl { get; }

    public static string MessagesPath => $"/2010-04-01/Accounts/{AccountSid}/Messages.json";

    public static string CallsPath => $"/2010-04-01/Accounts/{AccountSid}/Calls.json";

    public static TwilioMock Start() => new();

    /// <summary>Accepts every SMS: 201 with a <c>SM…</c> sid, status queued.</summary>
    public void AcceptSms() => Stub(MessagesPath, "POST", () => Json(201, new JsonObject { ["sid"] = "SM" + Hex(), ["status"] = "queued", ["num_segments"] = "1" }));

    /// <summary>Accepts every call: 201 with a <c>CA…</c> sid, status queued.</summary>
    public void AcceptCalls() => Stub(CallsPath, "POST", () => Json(201, new JsonObject { ["sid"] = "CA" + Hex(), ["status"] = "queued" }));

    /// <summary>Refuses every SMS with Twilio's error body (<paramref name="code"/> 0: a plain-text body without one).</summary>
    public void FailSms(int status, int code, string message) => Stub(MessagesPath, "POST", () => Error(status, code, message));

    /// <summary>Refuses the next SMS with this error, then accepts (combine with <see cref="AcceptSms"/>).</summary>
    public void FailOnceThenAccept(int status, int code, string message)
    {
        AcceptSms();
        Stub(MessagesPath, "POST", () => Error(status, code, message), times: 1);
    }

    /// <summary>Accepts SMS only after <paramref name="delay"/>.</summary>
    public void SlowSms(TimeSpan delay) =>
        Stub(MessagesPath, "POST", () => Json(201, new JsonObject { ["sid"] = "SM" + Hex(), ["status"] = "queued" }).WithDelay(delay));

    /// <summary>Messages Twilio already holds (the message list answers them, newest first).</summary>
    public void ExistingMessages(params (string To, string Body, DateTimeOffset Created)[] messages) =>
        Stub(MessagesPath, "GET", () => Json(200, Page("messages", MessagesPath, messages.Select(m => new JsonObject
        {
            ["sid"] = "SM" + Hex(),
            ["to"] = m.To,
            ["body"] = m.Body,
            ["status"] = "delivered",
            ["date_created"] = Rfc2822(m.Created),
            ["date_sent"] = Rfc2822(m.Created),
        }))));

    /// <summary>Calls Twilio already holds (the call list answers them).</summary>
    public IReadOnlyList<string> ExistingCalls(params (string To, DateTimeOffset Started)[] calls)
    {
        var sids = calls.Select(_ => "CA" + Hex()).ToList();
        Stub(CallsPath, "GET", () => Json(200, Page("calls", CallsPath, calls.Select((c, i) => new JsonObject
        {
            ["sid"] = sids[i],
            ["to"] = c.To,
            ["status"] = "completed",
            ["date_created"] = Rfc2822(c.Started),
            ["start_time"] = Rfc2822(c.Started),
        }))));
        return sids;
    }

    /// <summary>The SMS requests received, oldest first.</summary>
    public IReadOnlyList<TwilioSms> Sms() =>
        [.. Posts(MessagesPath).Select(p => new TwilioSms(p.Form["To"], p.Form["From"], p.Form["MessagingServiceSid"], p.Form["Body"], p.Form["StatusCallback"], p.User))];

    /// <summary>The SMS requests Twilio accepted (answered 201), oldest first: the messages that went out.</summary>
    public IReadOnlyList<TwilioSms> AcceptedSms() =>
        [.. _server.LogEntries
            .Where(e => e.RequestMessage?.Path == MessagesPath && e.RequestMessage.Method == "POST" && Equals(e.ResponseMessage?.StatusCode, 201))
            .OrderBy(e => e.RequestMessage!.DateTime)
            .Select(e => HttpUtility.ParseQueryString(e.RequestMessage!.Body ?? string.Empty))
            .Select(f => new TwilioSms(f["To"], f["From"], f["MessagingServiceSid"], f["Body"], f["StatusCallback"], null))];

    /// <summary>The call requests received, oldest first.</summary>
    public IReadOnlyList<TwilioCall> Calls() =>
        [.. Posts(CallsPath).Select(p => new TwilioCall(p.Form["To"], p.Form["From"], p.Form["Twiml"], p.Form["StatusCallback"], p.Form.GetValues("StatusCallbackEvent") ?? [], p.Form["Timeout"], p.User))];

    /// <summary>Query strings of the list requests received for <paramref name="path"/>.</summary>
    public IReadOnlyList<string> Reads(string path) =>
        [.. _server.LogEntries.Where(e => e.RequestMessage?.Path == path && e.RequestMessage.Method == "GET").Select(e => e.RequestMessage!.RawQuery ?? string.Empty)];

    public ValueTask DisposeAsync()
    {
        _server.Stop();
        _server.Dispose();
        return ValueTask.CompletedTask;
    }

    private IEnumerable<(System.Collections.Specialized.NameValueCollection Form, string? User)> Posts(string path) =>
        _server.LogEntries
            .Where(e => e.RequestMessage?.Path == path && e.RequestMessage.Method == "POST")
            .OrderBy(e => e.RequestMessage!.DateTime)
            .Select(e => (HttpUtility.ParseQueryString(e.RequestMessage!.Body ?? string.Empty), BasicUser(e.RequestMessage.Headers)));

    private static string? BasicUser(IDictionary<string, WireMock.Types.WireMockList<string>>? headers)
    {
        if (headers is null || !headers.TryGetValue("Authorization", out var values) || values.FirstOrDefault() is not { } header
            || !header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            return null;
        }

        var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
        return decoded.Split(':')[0];
    }

    private static JsonObject Page(string key, string path, IEnumerable<JsonObject> records) => new()
    {
        [key] = new JsonArray([.. records]),
        ["uri"] = path,
        ["first_page_uri"] = path,
        ["next_page_uri"] = null,
        ["previous_page_uri"] = null,
        ["page"] = 0,
        ["page_size"] = 20,
    };

    private static IResponseBuilder Error(int status, int code, string message) =>
        code == 0
            ? Response.Create().WithStatusCode(status).WithHeader("Content-Type", "text/html").WithBody($"<html>{message}</html>")
            : Json(status, new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["more_info"] = $"https://www.twilio.com/docs/errors/{code}",
                ["status"] = status,
            });

    private static IResponseBuilder Json(int status, JsonObject body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body.ToJsonString());

    private static string Rfc2822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);

    private static string Hex() => Guid.NewGuid().ToString("n", CultureInfo.InvariantCulture);

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Stub(string path, string method, Func<IResponseBuilder> response, int? times = null)
    {
        var priority = --_priority;
        var given = _server.Given(Request.Create().WithPath(path).UsingMethod(method)).AtPriority(priority);
        if (times is not null)
        {
            given = given.InScenario($"{path}-{priority}").WillSetStateTo("used up", times);
        }

        given.RespondWith(response());
    }
}

/// <summary>One SMS request Twilio received: the form fields and the Basic auth user (the account SID).</summary>
internal sealed record TwilioSms(string? To, string? From, string? MessagingServiceSid, string? Body, string? StatusCallback, string? User);

/// <summary>One call request Twilio received: the form fields and the Basic auth user (the account SID).</summary>
internal sealed record TwilioCall(string? To, string? From, string? Twiml, string? StatusCallback, IReadOnlyList<string> StatusCallbackEvents, string? Timeout, string? User);
