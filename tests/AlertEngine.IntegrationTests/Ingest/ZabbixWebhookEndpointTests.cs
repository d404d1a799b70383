using System.Net;
using System.Text;
using System.Text.Json;
using AlertEngine.IntegrationTests.Support;

namespace AlertEngine.IntegrationTests.Ingest;

public sealed class ZabbixWebhookEndpointTests : EngineTestBase
{
    [Fact]
    public async Task Webhook_ValidProblem_Answers202AfterStoring()
    {
        using var response = await Engine.PostEventAsync(Samples.Problem);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, InboxRows.Count(DatabasePath));
    }

    [Fact]
    public async Task Webhook_SameDeliveryTwice_SecondAnswers2xxAndChangesNothing()
    {
        using var first = await Engine.PostEventAsync(Samples.Problem);
        await Engine.WaitForProcessingAsync();
        using var second = await Engine.PostEventAsync(Samples.Problem);
        await Engine.WaitForProcessingAsync();

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("duplicate", await second.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(1, InboxRows.Count(DatabasePath));
        var ticket = Assert.Single(await Engine.ListAsync());
        Assert.Equal(1, ticket.Occurrences);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("wrong-secret-of-enough-length")]
    [InlineData(EngineHost.SecretB)]
    public async Task Webhook_MissingOrWrongToken_Is401AndStoresNothing(string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/zabbix/{EngineHost.ServerA}/events")
        {
            Content = new StringContent(Samples.Problem, System.Text.Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Add("X-AlertEngine-Token", token);
        }

        using var response = await Engine.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, InboxRows.Count(DatabasePath));
    }

    [Fact]
    public async Task Webhook_UnknownServer_Is404NamingIt()
    {
        using var response = await Engine.PostEventAsync(Samples.Problem, server: "zbx-nowhere", token: EngineHost.SecretA);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("zbx-nowhere", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(0, InboxRows.Count(DatabasePath));
    }

    [Fact]
    public async Task Webhook_BodyOver64KiB_Is413AndStoresNothing()
    {
        var body = Samples.With(Samples.Problem, o => o["opdata"] = new string('x', 70_000));

        using var response = await Engine.PostEventAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, InboxRows.Count(DatabasePath));
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "not JSON", "this is not json", "body" },
        { "a JSON array", "[1,2,3]", "body" },
        { "truncated JSON", Samples.Problem[..40], "body" },
        { "missing event_id", Samples.With(Samples.Problem, o => o.Remove("event_id")), "event_id" },
        { "event_id not digits", Samples.With(Samples.Problem, o => o["event_id"] = "abc"), "event_id" },
        { "event_id an object", Samples.With(Samples.Problem, o => o["event_id"] = new System.Text.Json.Nodes.JsonObject()), "event_id" },
        { "unknown event value", Samples.With(Samples.Problem, o => o["value"] = 2), "value" },
        { "value as text", Samples.With(Samples.Problem, o => o["value"] = "1"), "value" },
        { "severity out of range", Samples.With(Samples.Problem, o => o["severity"] = 9), "severity" },
        { "missing trigger_id", Samples.With(Samples.Problem, o => o.Remove("trigger_id")), "trigger_id" },
        { "empty host", Samples.With(Samples.Problem, o => o["host"] = " "), "host" },
        { "clock as date text", Samples.With(Samples.Problem, o => o["clock"] = "2026.11.25"), "clock" },
        { "tags not an array", Samples.With(Samples.Problem, o => o["tags"] = "service:web"), "tags" },
        { "recovery without recovery id", Samples.With(Samples.Recovery, o => o.Remove("recovery_event_id")), "recovery_event_id" },
        { "update without action", Samples.With(Samples.Update, o => o.Remove("update_action")), "update_action" },
        { "internal event source", Samples.With(Samples.Problem, o => o["event_source"] = 3), "event_source" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task Webhook_MalformedBody_Is400NamingTheFieldAndStoresNothing(string row, string body, string field)
    {
        using var response = await Engine.PostEventAsync(body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, row);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{row}: errors should name {field}: {problem.RootElement}");
        Assert.Equal(0, InboxRows.Count(DatabasePath));
    }

    // rule, host as raw JSON bytes (issue #3: the first two were a 500, the third was stored as other bytes than received)
    public static TheoryData<string, byte[]> NotUnicodeHosts => new()
    {
        { "invalid UTF-8 in host", [(byte)'"', .. "srv-"u8, 0xFF, .. "-web1\""u8] },
        { "lone surrogate escape in host", "\"srv-\\uD800-web1\""u8.ToArray() },
        { "valid host, invalid UTF-8 in a field the engine ignores", [.. "\"srv-acme-web1\",\"extra\":\""u8, 0xC0, 0xAF, (byte)'"'] },
    };

    [Theory]
    [MemberData(nameof(NotUnicodeHosts))]
    public async Task Webhook_TextThatIsNotUnicode_Is400ProblemAndStoresNothing(string row, byte[] host)
    {
        var body = Encoding.UTF8.GetBytes(Samples.With(Samples.Problem, o => { o["event_id"] = "4711"; o["host"] = "HOLE"; }));
        var at = body.AsSpan().IndexOf("\"HOLE\""u8);

        using var response = await Engine.PostEventAsync([.. body[..at], .. host, .. body[(at + 6)..]]);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{row}: {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("body", out _), $"{row}: {problem.RootElement}");
        Assert.Equal(0, InboxRows.Count(DatabasePath));
    }
}
