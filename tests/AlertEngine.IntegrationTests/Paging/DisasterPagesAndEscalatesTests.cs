using System.Net;
using AlertEngine.IntegrationTests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AlertEngine.IntegrationTests.Support.TriggerEvents;

namespace AlertEngine.IntegrationTests.Paging;

/// <summary>
/// A disaster at 03:00 wakes the on-duty engineer by SMS and call at once; nobody answers, so the
/// call comes again after 5 minutes, the backup after 10, the senior engineer at the respond
/// deadline (15 minutes) — each exactly once, also across a restart in the middle of the chain.
/// </summary>
public sealed class DisasterPagesAndEscalatesTests : PagingTestBase
{
    [Fact]
    public async Task Disaster_NobodyAnswers_OnDutyThenCallAgainThenBackupThenSenior()
    {
        Assert.Equal(("zhang.wei", "li.na", "chen.jie"), Duty());
        await DeliverAsync(Disaster("801"));
        await Eventually.TrueAsync(() => SmsTo("zhang.wei").Count == 1 && CallsTo("zhang.wei").Count == 1, 10, "the first SMS and call to 张伟");
        var sms = SmsTo("zhang.wei")[0];
        Assert.Equal(From, sms.From);
        Assert.Contains("L1", sms.Body!, StringComparison.Ordinal);
        Assert.Contains(PublicBaseUrl + "/a/", sms.Body!, StringComparison.Ordinal);
        Assert.Contains(PublicBaseUrl + "/api/v1/twilio/call/", CallsTo("zhang.wei")[0].Twiml!, StringComparison.Ordinal);

        await AdvanceAsync(TimeSpan.FromMinutes(4));
        await PagesSettledAsync();
        Assert.Equal(2, Twilio.Sms().Count + Twilio.Calls().Count);

        await AdvanceAsync(TimeSpan.FromMinutes(1));
        await Eventually.TrueAsync(() => CallsTo("zhang.wei").Count == 2, 10, "the call again after 5 minutes");
        Assert.Single(SmsTo("zhang.wei"));

        await AdvanceAsync(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => SmsTo("li.na").Count == 1 && CallsTo("li.na").Count == 1, 10, "the backup after 10 minutes");

        await AdvanceAsync(TimeSpan.FromMinutes(5));
        await Eventually.TrueAsync(() => SmsTo("chen.jie").Count == 1 && CallsTo("chen.jie").Count == 1, 10, "the senior engineer at the respond deadline");

        await AdvanceAsync(TimeSpan.FromHours(1));
        await PagesSettledAsync();
        Assert.Equal((3, 4), (Twilio.Sms().Count, Twilio.Calls().Count));
        Assert.All(Pages(), p => Assert.Equal("sent", p.Message.State.ToString().ToLowerInvariant()));
    }

    [Fact]
    public async Task RestartInTheMiddleOfTheChain_ResumesAtTheRightTimeWithoutASecondSend()
    {
        await DeliverAsync(Disaster("802"));
        await Eventually.TrueAsync(() => SmsTo("zhang.wei").Count == 1 && CallsTo("zhang.wei").Count == 1, 10, "the first SMS and call");

        // Their outcomes recorded first: a restart between Twilio's answer and the record is the crash
        // tests' case (the page is looked up in Twilio), not this one's (the chain's timer resumes).
        await PagesSettledAsync();
        await RestartAsync();
        await RunEscalationsAsync();
        await PagesSettledAsync();
        Assert.Equal((1, 1), (Twilio.Sms().Count, Twilio.Calls().Count));

        await AdvanceAsync(TimeSpan.FromMinutes(10));
        await Eventually.TrueAsync(() => SmsTo("li.na").Count == 1, 10, "the backup after the restart");
        await PagesSettledAsync();
        Assert.Equal(2, CallsTo("zhang.wei").Count);
        Assert.Single(SmsTo("zhang.wei"));
        Assert.Single(CallsTo("li.na"));
    }

    [Fact]
    public async Task Twilio500ThenCreated_ExactlyOneSms()
    {
        Twilio.FailOnceThenAccept(500, 20500, "Internal Server Error");
        await DeliverAsync(Disaster("803"));
        await Eventually.TrueAsync(() => Pages().Any(p => p.Channel == AlertEngine.Paging.PageChannel.Sms && p.Message.LastError is not null), 10, "the first, failed attempt");

        // The retry is due 10 s later on the fake clock; move it a second at a time so the sender's
        // wait, whenever it starts, sees its interval pass.
        await Eventually.TrueAsync(
            () =>
            {
                Time.Advance(TimeSpan.FromSeconds(1));
                return Twilio.AcceptedSms().Count == 1;
            },
            10,
            "the SMS after the retry");
        await PagesSettledAsync();
        Assert.Equal(2, SmsTo("zhang.wei").Count);
        Assert.Single(Twilio.AcceptedSms());
        var ticket = Assert.Single(await Engine.ListAsync());
        var timeline = (await Engine.GetAsync(ticket.Number)).Timeline!;
        Assert.Contains(timeline, t => t.Kind == "page-retry" && t.Text.Contains("will retry in 10 s", StringComparison.Ordinal));
        Assert.Contains(timeline, t => t.Kind == "page-sent" && t.Channel == "sms");
    }

    [Fact]
    public async Task InvalidNumber_PageFailsForGood_NextStepAtOnce()
    {
        Twilio.FailSms(400, 21211, "The 'To' number is not a valid phone number.");
        await DeliverAsync(Disaster("804"));
        // Step 2 (call 张伟 again) goes at once instead of after 5 minutes; the clock has not moved.
        await Eventually.TrueAsync(() => CallsTo("zhang.wei").Count == 2, 10, "the next step at once");
        var failed = Assert.Single(Pages(), p => p.Message.State == AlertEngine.Outbox.OutboxState.Failed && p.Phone == Person("zhang.wei").Phone);
        Assert.Contains("21211", failed.Message.LastError!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OccurrenceOfAnOpenAlert_NeverPagesAgain()
    {
        await DeliverAsync(Disaster("805"));
        await Eventually.TrueAsync(() => Twilio.Sms().Count == 1 && Twilio.Calls().Count == 1, 10, "the first pages");
        await DeliverAsync(Disaster("806"));
        await PagesSettledAsync();
        Assert.Equal((1, 1), (Twilio.Sms().Count, Twilio.Calls().Count));
        Assert.Equal(2, Assert.Single(await Engine.ListAsync()).Occurrences);
    }

    [Fact]
    public async Task BadSignatureOnACallback_403AndNothingChanges()
    {
        await DeliverAsync(Disaster("807"));
        await Eventually.TrueAsync(() => SmsTo("zhang.wei").Count == 1, 10, "the first SMS");
        var number = Assert.Single(await Engine.ListAsync()).Number;

        using var response = await PostTwilioAsync("/api/v1/twilio/sms", new Dictionary<string, string>
        {
            ["MessageSid"] = "SMforged",
            ["From"] = Person("zhang.wei").Phone,
            ["To"] = From,
            ["Body"] = $"ACK {number}",
        }, signature: "bm90IGEgc2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("open", (await Engine.GetAsync(number)).State);
    }

    [Fact]
    public async Task StatusCallback_Undelivered_RecordedAndTheNextStepFiresAtOnceOnlyOnce()
    {
        await DeliverAsync(Disaster("808"));
        await Eventually.TrueAsync(() => Pages().Any(p => p.Channel == AlertEngine.Paging.PageChannel.Sms && p.ProviderId is not null), 10, "the SMS sent");
        await PagesSettledAsync();
        var sms = Pages().Single(p => p.Channel == AlertEngine.Paging.PageChannel.Sms);
        Assert.Single(CallsTo("zhang.wei"));
        var undelivered = new Dictionary<string, string>
        {
            ["MessageSid"] = sms.ProviderId!,
            ["MessageStatus"] = "undelivered",
            ["ErrorCode"] = "30003",
            ["To"] = sms.Phone,
            ["From"] = From,
        };

        using var response = await PostTwilioAsync("/api/v1/twilio/status", undelivered);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal("undelivered", Pages().Single(p => p.Id == sms.Id).DeliveryStatus);
        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Contains((await Engine.GetAsync(ticket.Number)).Timeline!, t => t.Kind == "page-status" && t.Text.EndsWith("undelivered (Twilio 30003)", StringComparison.Ordinal));

        // The person was never told: the chain's next step (the call again) goes now, not in 5 minutes; once only.
        await Eventually.TrueAsync(() => CallsTo("zhang.wei").Count == 2, 10, "the next step at once");
        using (var again = await PostTwilioAsync("/api/v1/twilio/status", undelivered))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        var call = Pages().First(p => p.Channel == AlertEngine.Paging.PageChannel.Call && p.ProviderId is not null);
        using (var answered = await PostTwilioAsync("/api/v1/twilio/status", new Dictionary<string, string> { ["CallSid"] = call.ProviderId!, ["CallStatus"] = "no-answer" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        }

        await PagesSettledAsync();
        Assert.Equal((1, 2), (SmsTo("zhang.wei").Count, CallsTo("zhang.wei").Count));
        Assert.Empty(SmsTo("li.na"));
    }

    [Fact]
    public async Task AcknowledgedButUnresolvedPastTheHardLimit_ManagerPagedOnce()
    {
        await DeliverAsync(Disaster("809"));
        await Eventually.TrueAsync(() => SmsTo("zhang.wei").Count == 1, 10, "the first SMS");
        var number = Assert.Single(await Engine.ListAsync()).Number;
        using (var ack = await Engine.ActAsync(number, "acknowledge"))
        {
            Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        }

        Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var watch = Engine.App.Services.GetRequiredService<AlertEngine.Sla.SlaWatch>();
        await watch.RunAsync(TestContext.Current.CancellationToken);
        await RunEscalationsAsync();
        await Eventually.TrueAsync(() => SmsTo("james.carter").Count == 1 && CallsTo("james.carter").Count == 1, 10, "the manager's SMS and call");

        await watch.RunAsync(TestContext.Current.CancellationToken);
        await RunEscalationsAsync();
        await PagesSettledAsync();
        Assert.Equal((1, 1), (SmsTo("james.carter").Count, CallsTo("james.carter").Count));
        Assert.Empty(SmsTo("li.na"));
        Assert.Contains((await Engine.GetAsync(number)).Timeline!, t => t.Kind == "escalation" && t.Text.StartsWith("SLA hard limit passed: paging the manager James Carter", StringComparison.Ordinal));
    }

    private (string, string, string) Duty()
    {
        var duty = Roster.OnDutyAt("ops", Time.GetUtcNow());
        return (duty.Primary!.Id, duty.Backup!.Id, duty.Senior!.Id);
    }

    private string Disaster(string eventId) =>
        Problem(eventId, Time.GetUtcNow().ToUnixTimeSeconds(), o => o["severity"] = 5);
}
