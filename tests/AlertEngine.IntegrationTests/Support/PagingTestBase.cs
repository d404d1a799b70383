using AlertEngine.Classify;
using AlertEngine.Outbox;
using AlertEngine.Paging;
using AlertEngine.Paging.Roster;
using AlertEngine.Paging.Twilio;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AlertEngine.IntegrationTests.Support;

/// <summary>
/// The whole engine with Twilio played by WireMock (<see cref="TwilioMock"/>) and a fake clock,
/// paging from the shipped rules (rules/oncall.yaml, rules/escalation.yaml). The clock starts on
/// Tuesday 2026-12-01 03:00 Beijing time: the ops night shift of the week of 30 November, held by
/// 张伟 with 李娜 as backup and 陈杰 as senior engineer. Escalation steps are fired by the test
/// (<see cref="RunEscalationsAsync"/>), pages are sent by the engine's own page sender.
/// </summary>
public abstract class PagingTestBase : EngineTestBase
{
    public const string AuthToken = "twilio-auth-token-for-tests-0001";
    public const string PublicBaseUrl = "https://alertengine.example.com";
    public const string From = "+15005550006";

    protected static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private protected PagingTestBase()
    {
        Twilio.AcceptSms();
        Twilio.AcceptCalls();
    }

    internal TwilioMock Twilio { get; } = TwilioMock.Start();

    internal FakeTimeProvider Time { get; } = new(Local(2026, 12, 1, 3, 0));

    private protected override TimeProvider Clock => Time;

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Twilio:AccountSid"] = TwilioMock.AccountSid,
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:FromNumber"] = From,
        ["Twilio:ApiBaseUrl"] = Twilio.BaseUrl,
        ["Paging:PublicBaseUrl"] = PublicBaseUrl,
        ["Paging:LinkSecret"] = "a-link-secret-for-tests-that-is-32-chars-or-more",
        // The job runs at start and then once a minute of real time; tests fire steps themselves.
        ["Paging:EscalationInterval"] = "00:01:00",
    };

    public static DateTimeOffset Local(int year, int month, int day, int hour, int minute) =>
        new(new DateTime(year, month, day, hour, minute, 0), Shanghai.GetUtcOffset(new DateTime(year, month, day, hour, minute, 0)));

    internal Roster Roster => Engine.App.Services.GetRequiredService<RuleSetProvider>().Current.Roster;

    internal Person Person(string id) => Roster.People[id];

    /// <summary>Fires every escalation step due on the fake clock, as the escalation job does.</summary>
    internal Task<int> RunEscalationsAsync() =>
        Engine.App.Services.GetRequiredService<EscalationWatch>().RunAsync(TestContext.Current.CancellationToken);

    /// <summary>Moves the fake clock and fires what fell due.</summary>
    internal async Task<int> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        return await RunEscalationsAsync();
    }

    internal IReadOnlyList<TwilioSms> SmsTo(string personId) => [.. Twilio.Sms().Where(s => s.To == Person(personId).Phone)];

    internal IReadOnlyList<TwilioCall> CallsTo(string personId) => [.. Twilio.Calls().Where(c => c.To == Person(personId).Phone)];

    /// <summary>Waits (bounded) until the engine's page sender has no page left to send now.</summary>
    internal async Task PagesSettledAsync()
    {
        try
        {
            await Eventually.TrueAsync(() => PageStates().All(s => s is "sent" or "failed" or "cancelled" || s == "pending-later"), 20, "the page sender's work");
        }
        catch (Xunit.Sdk.XunitException ex)
        {
            throw new Xunit.Sdk.XunitException($"{ex.Message}; pages: {string.Join(", ", Pages().Select(p => $"{p.Id} {p.Channel} {p.Payload.PersonId} {p.Message.State} due {p.Message.NextAttemptAt:O} ({p.Message.LastError})"))}; now {Time.GetUtcNow():O}");
        }
    }

    /// <summary>Each page's state; a pending page not due yet on the fake clock reads "pending-later".</summary>
    internal IReadOnlyList<string> PageStates()
    {
        using var connection = Engine.Connections.Open();
        var now = Time.GetUtcNow();
        return [.. AllPages(connection).Select(p => p.Message.State == OutboxState.Pending && p.Message.NextAttemptAt > now ? "pending-later" : p.Message.State.ToName())];
    }

    internal IReadOnlyList<PageRow> Pages()
    {
        using var connection = Engine.Connections.Open();
        return AllPages(connection);
    }

    /// <summary>Posts a form to a Twilio callback path, signed as Twilio signs it (or with the signature given).</summary>
    internal async Task<HttpResponseMessage> PostTwilioAsync(string path, IReadOnlyDictionary<string, string> form, string? signature = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(AuthToken, PublicBaseUrl + path, form));
        var client = Engine.CreateClient(bearer: null);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>An SMS from a person's phone, as Twilio posts it to the inbound webhook.</summary>
    internal Task<HttpResponseMessage> ReplyBySmsAsync(string personId, string body, string? messageSid = null) =>
        PostTwilioAsync(PageCallbacks.InboundSmsPath, new Dictionary<string, string>
        {
            ["MessageSid"] = messageSid ?? "SM" + Guid.NewGuid().ToString("N"),
            ["AccountSid"] = TwilioMock.AccountSid,
            ["From"] = Person(personId).Phone,
            ["To"] = From,
            ["Body"] = body,
            ["NumMedia"] = "0",
        });

    private protected override async ValueTask DisposeDoublesAsync() => await Twilio.DisposeAsync();

    private static List<PageRow> AllPages(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        var ids = Dapper.SqlMapper.Query<long>(connection, "SELECT id FROM tickets ORDER BY id").ToList();
        return [.. ids.SelectMany(id => PageStore.ListByTicket(connection, id))];
    }

}
