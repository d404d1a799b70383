using System.Net;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;
using AlertEngine.Paging;

namespace AlertEngine.IntegrationTests.Tickets;

/// <summary>
/// POST /api/v1/tickets/{number}/acknowledge|resolve|close|comment: every allowed transition
/// on the timeline with actor, channel and time; every refused one a 409 saying why.
/// </summary>
public sealed class TicketTransitionEndpointTests : EngineTestBase
{
    // rule, actions that bring the ticket into its state, the action tried, the reason in the 409
    public static TheoryData<string, string[], string, string> Refusals => new()
    {
        { "acknowledge twice", ["acknowledge"], "acknowledge", "is acknowledged: it was already acknowledged" },
        { "close an open ticket", [], "close", "is open: only a resolved ticket can be closed; resolve it first" },
        { "close an acknowledged ticket", ["acknowledge"], "close", "is acknowledged: only a resolved ticket can be closed" },
        { "acknowledge a resolved ticket", ["resolve"], "acknowledge", "is resolved: a resolved ticket cannot be acknowledged" },
        { "resolve twice", ["resolve"], "resolve", "is resolved: it was already resolved" },
        { "acknowledge a closed ticket", ["resolve", "close"], "acknowledge", "is closed: a closed ticket cannot be acknowledged" },
        { "resolve a closed ticket", ["resolve", "close"], "resolve", "is closed: a closed ticket cannot be resolved" },
        { "close twice", ["resolve", "close"], "close", "is closed: it was already closed" },
    };

    [Fact]
    public async Task Lifecycle_AcknowledgeResolveCloseAndComments_EachOnTheTimeline()
    {
        var time = TimeProvider.System.GetUtcNow().AddSeconds(-1);
        var number = (await OpenAsync()).Number;

        var acknowledged = await ActOkAsync(number, "acknowledge", new { by = "alice" });
        await ActOkAsync(number, "comment", new { text = "php-fpm restarted" });
        var resolved = await ActOkAsync(number, "resolve", new { text = "disk cleaned" }, Engine.CreateClient(EngineHost.ToolSecret));
        var closed = await ActOkAsync(number, "close");
        await ActOkAsync(number, "comment", new { text = "post-mortem: INC-7", by = "bob" });

        Assert.Equal(("acknowledged", $"alice ({EngineHost.DeskToken})"), (acknowledged.State, acknowledged.AcknowledgedBy));
        Assert.Equal(("resolved", EngineHost.ToolToken), (resolved.State, resolved.ResolvedBy));
        Assert.Equal(("closed", EngineHost.DeskToken), (closed.State, closed.ClosedBy));
        Assert.NotNull(closed.ClosedAt);
        var timeline = (await Engine.GetAsync(number)).Timeline!;
        Assert.Equal(
            [
                ("opened", EngineHost.DeskToken, "Opened TASK L2 for nc through the API: Rotate logs"),
                ("acknowledged", $"alice ({EngineHost.DeskToken})", "Acknowledged through the API"),
                ("comment", EngineHost.DeskToken, "php-fpm restarted"),
                ("resolved", EngineHost.ToolToken, "Resolved through the API: disk cleaned"),
                ("closed", EngineHost.DeskToken, "Closed through the API"),
                ("comment", $"bob ({EngineHost.DeskToken})", "post-mortem: INC-7"),
            ],
            timeline.Select(e => (e.Kind, e.Actor!, e.Text)));
        Assert.All(timeline, e => Assert.Equal("api", e.Channel));
        Assert.All(timeline, e => Assert.InRange(e.At, time, TimeProvider.System.GetUtcNow().AddSeconds(1)));
    }

    [Fact]
    public async Task Resolve_OpenTicket_AllowedWithoutAcknowledgement()
    {
        var number = (await OpenAsync()).Number;

        var resolved = await ActOkAsync(number, "resolve");

        Assert.Equal(("resolved", (string?)null), (resolved.State, resolved.AcknowledgedBy));
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Action_NotAllowedInState_409WithReasonAndNothingWritten(string rule, string[] before, string action, string reason)
    {
        var number = (await OpenAsync()).Number;
        foreach (var step in before)
        {
            await ActOkAsync(number, step);
        }

        // The escalation job may page the ticket meanwhile (its own lines); the refused action writes none.
        var timeline = (await Engine.GetAsync(number)).Timeline!.Count(t => t.Actor != PageSender.Actor);
        using var response = await Engine.ActAsync(number, action);

        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{rule}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith($"ticket {number} {reason}", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(action, problem.RootElement.GetProperty("action").GetString());
        Assert.Equal(timeline, (await Engine.GetAsync(number)).Timeline!.Count(t => t.Actor != PageSender.Actor));
    }

    [Theory]
    [InlineData("acknowledge")]
    [InlineData("resolve")]
    [InlineData("close")]
    [InlineData("comment")]
    public async Task Action_UnknownNumber_404(string action)
    {
        using var response = await Engine.ActAsync("999999", action, new { text = "x" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"text":"  "}""")]
    [InlineData("""{"by":"alice"}""")]
    public async Task Comment_WithoutText_400NamingText(string? body)
    {
        var number = (await OpenAsync()).Number;

        using var response = await Engine.Client.PostAsync(
            $"/api/v1/tickets/{number}/comment",
            body is null ? null : new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(body is null ? "body" : "text", out _), problem.RootElement.ToString());
    }

    [Fact]
    public async Task Acknowledge_TwoAtOnce_ExactlyOneSucceedsTheOther409()
    {
        for (var round = 0; round < 5; round++)
        {
            var number = (await OpenAsync()).Number;

            var answers = await Task.WhenAll(
                Engine.ActAsync(number, "acknowledge", new { by = "alice" }),
                Engine.ActAsync(number, "acknowledge", new { by = "bob" }, Engine.CreateClient(EngineHost.ToolSecret)));

            var statuses = answers.Select(a => a.StatusCode).Order().ToList();
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], statuses);
            var ticket = await Engine.GetAsync(number);
            Assert.Single(ticket.Timeline!, e => e.Kind == "acknowledged");
            Assert.Equal(ticket.Timeline!.Single(e => e.Kind == "acknowledged").Actor, ticket.AcknowledgedBy);
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    [Fact]
    public async Task Acknowledge_DuringAWebhookStorm_StillServedAndEveryEventProcessed()
    {
        var number = (await OpenAsync()).Number;
        var storm = Enumerable.Range(0, 200).Select(i => Samples.With(Samples.Problem, o =>
        {
            o["event_id"] = (900_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            o["trigger_id"] = (80_000 + (i % 20)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        })).ToList();

        // 64 in flight, well under Ingest:MaxConcurrentRequests: every one must be accepted.
        using var inFlight = new SemaphoreSlim(64);
        var posting = Task.WhenAll(storm.Select(async body =>
        {
            await inFlight.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                using var response = await Engine.PostEventAsync(body);
                Assert.True(response.IsSuccessStatusCode, ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            finally
            {
                inFlight.Release();
            }
        }));
        using var acknowledged = await Engine.ActAsync(number, "acknowledge");
        await posting;
        await Engine.WaitForProcessingAsync();

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(20, (await Engine.ListAsync("?type=ALERT")).Count);
    }

    private Task<TicketApi.TicketDto> OpenAsync() =>
        Engine.OpenTicketAsync(new { type = "TASK", level = "L2", customer = "nc", title = "Rotate logs" });

    private async Task<TicketApi.TicketDto> ActOkAsync(string number, string action, object? body = null, HttpClient? client = null)
    {
        using var response = await Engine.ActAsync(number, action, body, client);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
        return await response.ReadTicketAsync();
    }
}
