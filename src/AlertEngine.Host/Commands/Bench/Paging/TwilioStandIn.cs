using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace AlertEngine.Host.Commands.Bench.Paging;

/// <summary>One request the Twilio stand-in answered: SMS or call, when it arrived (a <see cref="TimeProvider.System"/> timestamp), the form's To and Body, and the sid it returned.</summary>
internal sealed record TwilioArrival(bool Sms, long Timestamp, DateTimeOffset At, string To, string? Body, string Sid);

/// <summary>
/// Twilio's REST API for one account on 127.0.0.1 (a free port), inside the benchmark's process:
/// <c>POST …/Messages.json</c> and <c>…/Calls.json</c> answer 201 with a fresh sid, status queued,
/// as Twilio does, and record the arrival time and the form's To and Body; <c>GET</c> on the same
/// paths lists what was recorded for the <c>To</c> asked (the engine asks after a restart whether a
/// page of unknown outcome went out). No log line per request.
/// </summary>
internal sealed class TwilioStandIn : IAsyncDisposable
{
    /// <summary>The account the engine under test is given (<c>Twilio:AccountSid</c>).</summary>
    public const string AccountSid = "AC00000000000000000000000000be0c11";

    /// <summary>The auth token the engine under test is given; nothing checks it.</summary>
    public const string AuthToken = "bench-stand-in-token";

    public const string FromNumber = "+8613800000000";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<TwilioArrival> _arrivals = new();
    private long _sids;
    private int _sms;

    private TwilioStandIn(WebApplication app) => _app = app;

    /// <summary>What <c>Twilio:ApiBaseUrl</c> is set to.</summary>
    public Uri BaseUri { get; private set; } = null!;

    /// <summary>SMS requests answered so far.</summary>
    public int SmsCount => Volatile.Read(ref _sms);

    /// <summary>Every request answered, in arrival order.</summary>
    public IReadOnlyList<TwilioArrival> Arrivals => [.. _arrivals];

    /// <summary>The configuration keys that point an engine at this stand-in.</summary>
    public IReadOnlyDictionary<string, string?> EngineSettings => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:FromNumber"] = FromNumber,
        ["Twilio:ApiBaseUrl"] = BaseUri.GetLeftPart(UriPartial.Authority),
    };

    public static async Task<TwilioStandIn> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        var quiet = BenchHosting.QuietLoopback(builder.Configuration);
        quiet["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = nameof(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(quiet);
        BenchHosting.LeaveSignalsToTheBenchmark(builder.Services);
        var app = builder.Build();
        var standIn = new TwilioStandIn(app);
        var account = $"/2010-04-01/Accounts/{AccountSid}";
        app.MapPost(account + "/Messages.json", (HttpRequest request) => standIn.AnswerAsync(request, sms: true));
        app.MapPost(account + "/Calls.json", (HttpRequest request) => standIn.AnswerAsync(request, sms: false));
        app.MapGet(account + "/Messages.json", (HttpRequest request) => standIn.List(request, sms: true));
        app.MapGet(account + "/Calls.json", (HttpRequest request) => standIn.List(request, sms: false));
        try
        {
            await app.StartAsync(cancellationToken);
            standIn.BaseUri = BenchHosting.BoundAddress(app);
            return standIn;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> SMS arrived, or <paramref name="timeout"/> passed; true when they did.</summary>
    public async Task<bool> WaitForSmsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        while (SmsCount < count)
        {
            if (TimeProvider.System.GetElapsedTime(started) >= timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(1), TimeProvider.System, cancellationToken);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(BenchHosting.StopTimeout, TimeProvider.System))
        {
            await _app.StopAsync(timeout.Token);
        }

        await _app.DisposeAsync();
    }

    private async Task<IResult> AnswerAsync(HttpRequest request, bool sms)
    {
        var arrived = TimeProvider.System.GetTimestamp();
        var at = TimeProvider.System.GetUtcNow();
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var sid = (sms ? "SM" : "CA") + Interlocked.Increment(ref _sids).ToString("x32", CultureInfo.InvariantCulture);
        var to = form["To"].ToString();
        string? body = sms ? form["Body"].ToString() : null;
        _arrivals.Enqueue(new TwilioArrival(sms, arrived, at, to, body, sid));
        if (sms)
        {
            Interlocked.Increment(ref _sms);
        }

        var json = new Dictionary<string, object?>
        {
            ["sid"] = sid,
            ["account_sid"] = AccountSid,
            ["to"] = to,
            ["from"] = FromNumber,
            ["status"] = "queued",
            ["date_created"] = Rfc2822(at),
        };
        if (sms)
        {
            json["body"] = body;
            json["num_segments"] = "1";
        }

        return Results.Text(JsonSerializer.Serialize(json), "application/json", statusCode: StatusCodes.Status201Created);
    }

    /// <summary>Twilio's list of messages or calls to the <c>To</c> asked for, newest first, in one page.</summary>
    private IResult List(HttpRequest request, bool sms)
    {
        var to = request.Query["To"].ToString();
        var records = _arrivals.Where(a => a.Sms == sms && (to.Length == 0 || a.To == to)).Reverse().Take(50).Select(a => sms
            ? new Dictionary<string, object?> { ["sid"] = a.Sid, ["to"] = a.To, ["body"] = a.Body, ["status"] = "delivered", ["date_created"] = Rfc2822(a.At), ["date_sent"] = Rfc2822(a.At) }
            : new Dictionary<string, object?> { ["sid"] = a.Sid, ["to"] = a.To, ["status"] = "completed", ["date_created"] = Rfc2822(a.At), ["start_time"] = Rfc2822(a.At) }).ToList();
        var path = request.Path.Value;
        return Results.Text(
            JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                [sms ? "messages" : "calls"] = records,
                ["uri"] = path,
                ["first_page_uri"] = path,
                ["next_page_uri"] = null,
                ["previous_page_uri"] = null,
                ["page"] = 0,
                ["page_size"] = 50,
            }),
            "application/json");
    }

    private static string Rfc2822(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
