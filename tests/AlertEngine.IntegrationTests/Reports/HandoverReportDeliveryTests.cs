using AlertEngine.IntegrationTests.Support;
using AlertEngine.Reports;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace AlertEngine.IntegrationTests.Reports;

/// <summary>
/// A shift's report written to the reports folder and delivered by mail (a local SMTP server) and
/// webhook (WireMock), through the outbox: a temporary failure is retried and delivers once, a
/// permanent one fails the delivery and shows on the status page, and a second run for the same
/// shift delivers nothing twice.
/// </summary>
public sealed class HandoverReportDeliveryTests : EngineTestBase
{
    private const string HookPath = "/hooks/handover";

    private readonly SmtpSink _smtp = new();
    private readonly WireMockServer _hook = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"], StartAdminInterface = false });
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 1, 0, 0, TimeSpan.Zero));

    private protected override TimeProvider Clock => _time;

    private protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Reports:Mail:SmtpHost"] = "127.0.0.1",
        ["Reports:Mail:SmtpPort"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Reports:Mail:Security"] = "None",
        ["Reports:Mail:From"] = "AlertEngine <alertengine@example.com>",
        ["Reports:Mail:To:0"] = "ops-team@example.com",
        ["Reports:Webhook:Url"] = _hook.Urls[0] + HookPath,
        ["Reports:Webhook:Format"] = "json",
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Outbox:RetryBackoff"] = "00:00:01",
        ["Outbox:MaxAttempts"] = "3",
    };

    private static ReportShift Shift => new(
        new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.FromHours(8)), new DateTimeOffset(2026, 11, 26, 9, 30, 0, TimeSpan.FromHours(8)), ShiftSeed.Shanghai);

    private HandoverReports Reports => Engine.App.Services.GetRequiredService<HandoverReports>();

    private protected override async ValueTask DisposeDoublesAsync()
    {
        await _smtp.DisposeAsync();
        _hook.Stop();
        _hook.Dispose();
    }

    [Fact]
    public async Task WriteAndDeliver_Configured_FilesDatedByTheShiftEndMailedAndPosted()
    {
        _hook.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await DeliverAsync(Samples.Problem);
        _time.Advance(TimeSpan.FromMinutes(1));

        var files = await Reports.WriteAndDeliverAsync(Shift, TestContext.Current.CancellationToken);

        Assert.Equal(["handover-20261126-0930.html", "handover-20261126-0930.md", "handover-20261126-0930.json"], files.Select(Path.GetFileName));
        Assert.All(files, f => Assert.Equal(Path.Combine(Path.GetDirectoryName(DatabasePath)!, "reports"), Path.GetDirectoryName(f)));
        var number = Assert.Single(await Engine.ListAsync()).Number;
        Assert.Contains(number, await File.ReadAllTextAsync(files[0], TestContext.Current.CancellationToken), StringComparison.Ordinal);

        await Eventually.TrueAsync(() => !_smtp.Messages.IsEmpty && _hook.LogEntries.Any(), 10, "the report mailed and posted");
        var mail = Assert.Single(_smtp.Messages);
        Assert.Equal("[AlertEngine] Shift handover 2026-11-25 18:00–2026-11-26 09:30: 1 open, 2 breached", mail.Subject);
        Assert.Equal("ops-team@example.com", Assert.Single(mail.To.Mailboxes).Address);
        Assert.Contains(number, mail.HtmlBody ?? "", StringComparison.Ordinal);
        Assert.Contains(number, mail.TextBody ?? "", StringComparison.Ordinal);
        var posted = Assert.Single(_hook.LogEntries).RequestMessage!;
        Assert.StartsWith("application/json", posted.Headers!["Content-Type"][0], StringComparison.Ordinal);
        Assert.Contains(number, posted.Body ?? "", StringComparison.Ordinal);

        // The same shift again (a second engine, a manual rerun): the files are rewritten, nothing is delivered twice.
        await Reports.WriteAndDeliverAsync(Shift, TestContext.Current.CancellationToken);
        await OutboxIdleAsync();
        Assert.Single(_smtp.Messages);
        Assert.Single(_hook.LogEntries);
    }

    [Fact]
    public async Task Deliver_TemporaryFailures_RetriedAndDeliveredOnce()
    {
        _smtp.RefuseNext("451 4.3.0 mailbox busy, try again later");
        _hook.Given(Request.Create().WithPath(HookPath).UsingPost()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        _hook.Given(Request.Create().WithPath(HookPath).UsingPost()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithStatusCode(204));

        await Reports.WriteAndDeliverAsync(Shift, TestContext.Current.CancellationToken);
        await Eventually.TrueAsync(() => _smtp.Attempts == 1 && _hook.LogEntries.Count == 1, 10, "the first attempts");

        // The fake clock moves a second at each look, so the retries (1 s backoff) fall due whenever the failures were recorded.
        await Eventually.TrueAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                return _smtp.Messages.Count == 1 && _hook.LogEntries.Count == 2;
            },
            10,
            "the retries");
        await OutboxIdleAsync();
        Assert.Equal((2, 1), (_smtp.Attempts, _smtp.Messages.Count));
        Assert.Equal([503, 204], _hook.LogEntries.Select(e => Convert.ToInt32(e.ResponseMessage!.StatusCode, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task Deliver_PermanentFailures_FailedLoggedAndShownOnTheStatusPage()
    {
        _smtp.RefuseNext("554 5.7.1 relay denied");
        _hook.Given(Request.Create().WithPath(HookPath).UsingPost()).RespondWith(Response.Create().WithStatusCode(404));

        await Reports.WriteAndDeliverAsync(Shift, TestContext.Current.CancellationToken);
        await OutboxIdleAsync();

        Assert.Equal((1, 0), (_smtp.Attempts, _smtp.Messages.Count));
        Assert.Single(_hook.LogEntries);
        using var client = Engine.CreateClient(EngineHost.WallSecret);
        var status = await client.GetStringAsync(new Uri("/api/v1/status", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("report.mail to ops-team@example.com failed", status, StringComparison.Ordinal);
        Assert.Contains("554", status, StringComparison.Ordinal);
        Assert.Contains($"report.webhook to {_hook.Urls[0]}{HookPath} failed", status, StringComparison.Ordinal);
    }

    /// <summary>Waits until no report row is pending or sending.</summary>
    private async Task OutboxIdleAsync()
    {
        await Eventually.TrueAsync(
            () =>
            {
                using var connection = Engine.Connections.Open();
                return Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM outbox WHERE kind LIKE 'report.%' AND state IN ('pending', 'sending')") == 0;
            },
            10,
            "the report deliveries settled");
    }
}
